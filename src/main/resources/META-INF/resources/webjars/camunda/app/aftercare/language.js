/*
 * Aftercare: the language of Camunda's webapps (Tasklist, Cockpit, Admin, Welcome).
 *
 * The webapps pick their language from the browser's first language (zh-CN → zh.json, anything
 * else they have no file for → English). This script lets a user choose instead: a "中文 | EN"
 * switch in the header stores the choice in this browser (localStorage "aftercare.language") and
 * reloads; the choice then stands in for the browser's language before the webapp starts, which is
 * when Camunda decides (each app's scripts/config.js loads this file as a custom script).
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

new MutationObserver(addSwitch).observe(document.documentElement, {childList: true, subtree: true});
addSwitch();
