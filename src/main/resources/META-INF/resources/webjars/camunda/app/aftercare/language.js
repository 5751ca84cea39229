/*
 * Aftercare: the language of Camunda's webapps (Tasklist, Cockpit, Admin, Welcome).
 *
 * The webapps pick their language from the browser's first language (zh-CN → zh.json, anything
 * else they have no file for → English). This script lets a user choose instead: a "中文 | EN"
 * switch in the header stores the choice in this browser (localStorage "aftercare.language") and
 * reloads; the choice then stands in for the browser's language before the webapp starts, which is
 * when Camunda decides (each app's scripts/config.js loads this file as a custom script).
 *
 * It also makes the date pickers start their weeks on Monday (as a Chinese or European calendar
 * does; only a browser set to US English keeps Sunday) and, in Chinese, name months and weekdays
 * in Chinese: Tasklist's own picker (AngularJS ui-bootstrap, for due and follow-up dates and filter
 * criteria) through its shared configuration, Camunda Forms' date fields (flatpickr) through
 * flatpickr's default locale, both set before any picker is built.
 */
const KEY = 'aftercare.language';
const LANGUAGES = [
  {code: 'zh', label: '中文', title: '切换到中文'},
  {code: 'en', label: 'EN', title: 'Switch to English'}
];

function chosen() {
  try {
    const value = window.localStorage.getItem(KEY);
    return LANGUAGES.some(l => l.code === value) ? value : null;
  } catch (e) {
    return null;
  }
}

function current() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const browserLanguage = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en').toLowerCase();
const choice = chosen();
if (choice) {
  const languages = choice === 'zh' ? ['zh-CN', 'zh', 'en'] : ['en', 'zh-CN'];
  Object.defineProperty(navigator, 'languages', {get: () => languages, configurable: true});
  Object.defineProperty(navigator, 'language', {get: () => languages[0], configurable: true});
}
document.documentElement.lang = current() === 'zh' ? 'zh-CN' : 'en';

function addSwitch() {
  if (document.querySelector('.aftercare-language')) {
    return;
  }
  // the right-hand menu of the header (engine, user menu, app switch) in every webapp
  const menu = document.querySelector('[cam-widget-header] nav.cam-nav > ul');
  if (!menu) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'aftercare-language';
  const active = current();
  LANGUAGES.forEach((language, index) => {
    if (index > 0) {
      item.appendChild(document.createTextNode(' | '));
    }
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = language.label;
    link.title = language.title;
    link.lang = language.code === 'zh' ? 'zh-CN' : 'en';
    link.setAttribute('data-language', language.code);
    if (language.code === active) {
      link.className = 'active';
      link.setAttribute('aria-current', 'true');
    }
    link.addEventListener('click', event => {
      event.preventDefault();
      window.localStorage.setItem(KEY, language.code);
      window.location.reload();
    });
    item.appendChild(link);
  });
  menu.insertBefore(item, menu.firstChild);
}

const MONDAY_FIRST = current() === 'zh' || browserLanguage !== 'en-us';
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  time_24hr: true
};
const pickersDone = {angular: false, flatpickr: false};

function setUpPickers() {
  if (!pickersDone.flatpickr && typeof window.flatpickr === 'function' && window.flatpickr.l10ns) {
    const locale = current() === 'zh' ? Object.assign({}, FLATPICKR_ZH) : {};
    if (MONDAY_FIRST) {
      locale.firstDayOfWeek = 1;
    }
    window.flatpickr.localize(locale);
    pickersDone.flatpickr = true;
  }
  if (!pickersDone.angular && window.angular) {
    const root = document.querySelector('.ng-scope');
    const injector = root && window.angular.element(root).injector();
    if (injector && injector.has('uibDatepickerConfig')) {
      if (MONDAY_FIRST) {
        injector.get('uibDatepickerConfig').startingDay = 1;
      }
      pickersDone.angular = true;
    }
  }
}

function onChange() {
  addSwitch();
  if (!pickersDone.angular || !pickersDone.flatpickr) {
    setUpPickers();
  }
}

new MutationObserver(onChange).observe(document.documentElement, {childList: true, subtree: true});
onChange();
