/*
 * Aftercare in Camunda Tasklist (loaded by scripts/config.js as a custom script):
 *
 * 1. Lists sorted by due date, soonest first; the order a user picks stands for the rest of the
 *    browser tab, links followed later included (Tasklist keeps the order in the address,
 *    "sorting"; its own default is the creation date).
 * 2. A form the server refuses (a start or task form checked by the API's rules) shows each
 *    field's message under that field, and the first one scrolled into view: Tasklist itself only
 *    shows the whole message at the top of the dialog, out of sight in a long form.
 * 3. "Case / 工单", a tab beside the task's form (plugin point tasklist.task.detail): the case's
 *    urgency and the customer's tier in words, its clocks with on-track / at-risk / breached badges,
 *    the messages sent and the timeline, read from
 *    Aftercare's /api with the Tasklist login. The API decides what each group may see: a group
 *    that may not read cases gets a sentence, not the case.
 * 4. A task card's case number, customer tier and product (plugin point tasklist.card), for agents
 *    too, and its priority in words (紧急 urgent, 高 high, 普通 normal) instead of Tasklist's bare
 *    number, which stays in the tooltip; in Chinese, an empty select says 请选择, not "Select".
 */
const BY_DUE_DATE = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);
// the order this browser tab's user chose last (sessionStorage: one per tab)
const CHOSEN = 'aftercare.sorting';
// until when a change of order is the user's: a click or key in Tasklist's sorting menu
let userSortsUntil = 0;

['click', 'keydown'].forEach(type => document.addEventListener(type, event => {
  if (event.target instanceof Element && event.target.closest('[cam-sorting-choices]')) {
    userSortsUntil = Date.now() + 800;
  }
}, true));

/**
 * A list is sorted by due date unless the user chose another order in this tab, with Tasklist's
 * sorting menu: then by that one, also when a link followed later (a notification, a bookmark)
 * gives no order, or Tasklist writes its own default (the creation date) into the address.
 */
function sortInTheTabsOrder() {
  // not under the login form: the address changes only once the user is in
  if (document.querySelector("input[ng-model='username']")) {
    return;
  }
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.substring(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  const sorting = params.get('sorting');
  const chosen = window.sessionStorage.getItem(CHOSEN) || BY_DUE_DATE;
  if (sorting === chosen) {
    return;
  }
  if (sorting && Date.now() < userSortsUntil) {
    window.sessionStorage.setItem(CHOSEN, sorting);
    return;
  }
  params.set('sorting', chosen);
  window.location.replace('#/?' + params.toString());
}
// Tasklist (AngularJS) changes the address with the history API, which fires no event
['pushState', 'replaceState'].forEach(name => {
  const original = window.history[name];
  window.history[name] = function (...args) {
    const result = original.apply(this, args);
    setTimeout(sortInTheTabsOrder, 0);
    return result;
  };
});
window.addEventListener('hashchange', sortInTheTabsOrder);
sortInTheTabsOrder();

/**
 * The words of a priority: io.aftercare.process.TaskUrgency#words, the same thresholds (80 and
 * above urgent, 60 and above high, else normal), for every card in the list.
 */
function priorityWords(priority) {
  return priority >= 80 ? '紧急 urgent' : priority >= 60 ? '高 high' : '普通 normal';
}

function prioritiesInWords() {
  document.querySelectorAll('li.task .priority').forEach(element => {
    const number = parseInt(element.textContent, 10);
    if (!Number.isNaN(number)) {
      const words = priorityWords(number);
      if (element.getAttribute('data-urgency') !== words) {
        element.setAttribute('data-urgency', words);
        element.setAttribute('data-level', number >= 80 ? 'urgent' : number >= 60 ? 'high' : 'normal');
        element.setAttribute('title', String(number));
      }
    }
  });
}
/** Camunda Forms' empty select says "Select" in every language: in Chinese, 请选择. */
function selectPromptInLanguage() {
  if (!(document.documentElement.lang || '').startsWith('zh')) {
    return;
  }
  document.querySelectorAll('.fjs-select-display').forEach(display => {
    // the text node Camunda Forms renders: changed in place, so its next render replaces it again
    const text = display.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && text.data === 'Select') {
      text.data = '请选择';
    }
  });
}

new MutationObserver(() => {
  prioritiesInWords();
  selectPromptInLanguage();
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

// read when used, not when loaded: ../../aftercare/language.js (which sets it) may load after this file
const zh = () => (document.documentElement.lang || '').startsWith('zh');
const t = (en, cn) => (zh() ? cn : en);

const FORM_SUBMISSIONS = /\/(submit-form|complete|resolve)(\?|$)/;

function labelText(label) {
  return (label.textContent || '').replace(/\*\s*$/, '').trim();
}

/**
 * The API's own messages in Chinese (Bean Validation's standard ones come in the browser's language
 * already): the start of the message, and the Chinese that replaces it; what follows is kept.
 */
const MESSAGES_ZH = [
  ['is not a product of the catalogue', '不是产品目录中的产品'],
  ['is not a batch of ', '不是该产品的批号：'],
  ['is not a known customer', '不是已知客户'],
  ['is not a case with a known customer', '不是有已知客户的工单'],
  ['is not a case of customer ', '不是该客户的工单：'],
  ['is required', '必填'],
  ['is not one of the allowed values: ', '不是允许的值：'],
  ['is not a valid value: ', '不是有效的值：'],
  ['is not valid: ', '无效：'],
  ['must be one of ', '必须是以下之一：'],
  ['must be a date like ', '日期格式应为 '],
  ['must be a date in the past or today', '必须是今天或以前的日期'],
  ['must not be before the purchase date', '不能早于购买日期'],
  ['must not be before purchase.date', '不能早于购买日期'],
  ['must not be after awareDate', '不能晚于获知日期'],
  ['must not be after onsetDate (a reaction follows use)', '不能晚于反应出现日期（反应发生在使用之后）'],
  ['must not be before firstUseDate', '不能早于首次使用日期'],
  ['must be at most ', '最多 '],
  ['must be a phone number', '必须是电话号码'],
  ['must give an id, or a name, an e-mail or phone, a market and a locale', '请填写客户姓名、邮箱或电话、市场和语言'],
  ['has an open return already: ', '已有进行中的退换货：'],
  ['has an adverse-reaction report already', '已有不良反应报告']
];

function inLanguage(message) {
  if (!zh() || !message) {
    return message;
  }
  const known = MESSAGES_ZH.find(([en]) => message.startsWith(en));
  return known ? known[1] + message.substring(known[0].length) : message;
}

/** Puts each error of a refused form under its field (matched by the field's label on the form). */
function showFieldErrors(errors) {
  document.querySelectorAll('.aftercare-field-error').forEach(e => e.remove());
  document.querySelectorAll('.aftercare-field-invalid').forEach(e => e.classList.remove('aftercare-field-invalid'));
  let first = null;
  errors.forEach(error => {
    const wanted = (error.label || '').trim();
    const fields = Array.from(document.querySelectorAll('.fjs-form-field'));
    // by the label the server names (the same field may be labelled otherwise on another form),
    // else by the form's component id, which Aftercare's forms derive from the key ("Field_Sku")
    const componentId = error.field ? '-Field_' + error.field.charAt(0).toUpperCase() + error.field.substring(1) : null;
    const field = fields.find(f => {
      const label = f.querySelector('.fjs-form-field-label');
      return label && wanted && labelText(label) === wanted;
    }) || fields.find(f => componentId && Array.from(f.querySelectorAll('[id]'))
      .some(e => e.id.endsWith(componentId) || e.id.endsWith(componentId + '-date')));
    if (!field) {
      return;
    }
    const message = document.createElement('div');
    message.className = 'aftercare-field-error';
    message.setAttribute('role', 'alert');
    message.textContent = inLanguage(error.message);
    field.appendChild(message);
    field.classList.add('aftercare-field-invalid');
    first = first || field;
  });
  if (first) {
    first.scrollIntoView({block: 'center'});
  }
}

const send = XMLHttpRequest.prototype.send;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.aftercareFormSubmission = method === 'POST' && FORM_SUBMISSIONS.test(String(url));
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.aftercareFormSubmission) {
    this.addEventListener('load', () => {
      if (this.status === 400) {
        try {
          const problem = JSON.parse(this.responseText);
          if (Array.isArray(problem.errors)) {
            setTimeout(() => showFieldErrors(problem.errors), 0);
          }
        } catch (notJson) {
          // not a problem-details answer: Tasklist's own message stands alone
        }
      } else if (this.status < 300) {
        showFieldErrors([]);
      }
    });
  }
  return send.apply(this, arguments);
};


const CLOCKS = {
  'complaint.acknowledge': ['Acknowledge the complaint', '确认收到投诉'],
  'complaint.confirm': ['Confirm and triage', '受理并分诊'],
  'complaint.evidence': ['Customer sends evidence', '客户补充证据'],
  'complaint.resolve.general': ['Resolve (general)', '解决（一般投诉）'],
  'complaint.resolve.major': ['Resolve (major)', '解决（重大投诉）'],
  'complaint.resolve': ['Resolve', '解决'],
  'return.review': ['Review the return', '审核退换货'],
  'return.parcel': ['Parcel arrives', '包裹寄回'],
  'return.refund': ['Refund', '退款'],
  'return.replacement': ['Send the replacement', '寄出换货'],
  'adverse.internal': ['Internal assessment', '内部评估'],
  'adverse.followup': ['Health follow-up', '健康随访'],
  'enquiry.answer': ['Answer the enquiry', '答复咨询']
};

/** The messages by what they tell (src/main/resources/templates/notifications/<template>.<language>.txt). */
const TEMPLATES = {
  'acknowledgement': ['Acknowledgement', '受理确认'],
  'callback-dissatisfied': ['Callback: still dissatisfied', '回访：客户仍不满意'],
  'callback-survey': ['Satisfaction survey', '满意度调查'],
  'complaint-acknowledgement': ['Complaint acknowledged', '投诉受理确认'],
  'complaint-closed-no-response': ['Closed: no reply from the customer', '因客户未回复而结案'],
  'complaint-evidence-reminder': ['Evidence reminder', '补充证据提醒'],
  'complaint-evidence-request': ['Evidence requested', '请求补充证据'],
  'complaint-outcome': ['Complaint outcome', '投诉处理结果'],
  'escalation-breach': ['Escalation: target passed', '升级：已超时'],
  'escalation-manager': ['Escalation to the manager', '升级至主管'],
  'escalation-warning': ['Warning: target near', '预警：即将超时'],
  'resolution-promise': ['Resolution promised', '处理承诺'],
  'return-cancelled': ['Return cancelled', '退换货已取消'],
  'return-instructions-brand': ['Return instructions (shipping paid by us)', '退回说明（我方承担运费）'],
  'return-instructions-customer': ['Return instructions (shipping paid by the customer)', '退回说明（客户承担运费）'],
  'return-refunded': ['Refunded', '已退款'],
  'return-rejected': ['Return not accepted', '退换货未获受理'],
  'return-reminder': ['Return reminder', '退回提醒'],
  'return-replaced': ['Replacement sent', '换货已寄出'],
  'return-returned-to-customer': ['Parcel sent back to the customer', '包裹已退回客户']
};

const CHANNELS = {EMAIL: ['e-mail', '电子邮件'], SMS: ['SMS', '短信']};

function templateName(template) {
  return TEMPLATES[template] ? t(...TEMPLATES[template]) : template;
}

const MESSAGE_STATES = {
  PENDING: ['waiting', '待发送'], SENT: ['sent', '已发送'],
  FAILED: ['failed', '发送失败']
};

const EVENTS = {
  CASE_LINKED: ['Related case', '关联工单'], PROCESS_STARTED: ['Process started', '流程开始'],
  PROCESS_COMPLETED: ['Process completed', '流程完成'], PROCESS_CANCELLED: ['Process cancelled', '流程取消'],
  TASK_CREATED: ['Task created', '任务创建'], TASK_COMPLETED: ['Task completed', '任务完成'],
  TASK_CANCELLED: ['Task cancelled', '任务取消'], CLOCK_STARTED: ['Clock started', '时限开始'],
  CLOCK_MET: ['Clock met', '时限达成'], CLOCK_CANCELLED: ['Clock cancelled', '时限取消'],
  CLOCK_PAUSED: ['Clock paused', '时限暂停'], CLOCK_RESUMED: ['Clock resumed', '时限恢复'],
  CLOCK_WARNED: ['Clock at risk', '时限预警'], CLOCK_BREACHED: ['Clock breached', '时限超期'],
  ESCALATION: ['Escalation', '升级'], MESSAGE_QUEUED: ['Message queued', '消息排队'],
  MESSAGE_SENT: ['Message sent', '消息已发送'], MESSAGE_FAILED: ['Message failed', '消息发送失败']
};

function clockName(target) {
  if (CLOCKS[target]) {
    return t(...CLOCKS[target]);
  }
  if (target && target.startsWith('adverse.regulatory')) {
    return t('Report to the regulator', '向监管机构报告') + ' (' + target.substring('adverse.regulatory'.length).replace(/^\./, '') + ')';
  }
  return target;
}

/** on-track, at-risk or breached, as the badge shows it; null for a cancelled clock. */
function standing(clock, now) {
  if (clock.status === 'cancelled') {
    return null;
  }
  if (clock.status === 'met-on-time') {
    return ['met', t('met on time', '按时完成')];
  }
  if (clock.status === 'met-late' || clock.status === 'open-breached') {
    return ['breached', clock.status === 'met-late' ? t('met late', '超时完成') : t('breached', '已超期')];
  }
  const atRisk = clock.warnedAt || (clock.warnAt && new Date(clock.warnAt) <= now);
  return atRisk ? ['at-risk', t('at risk', '即将超期')] : ['on-track', t('on track', '正常')];
}

function when(instant) {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The stages of the processes (their BPMN's "stage" property) in Chinese. */
const STAGES = {
  'Answer enquiry': '答复咨询', 'Approve': '审批', 'Assess': '评估', 'Call': '回访', 'Case details': '病例详情',
  'Follow up': '随访', 'Hand over to the team': '转交团队', 'Inspect': '验货', 'Receive parcel': '等待收货',
  'Register the complaint': '登记投诉', 'Resolve': '处理', 'Review batch signal': '审查批次信号',
  'Review dissatisfaction': '复核不满意', 'Review return': '审核退换货', 'Submit follow-up': '提交随访报告',
  'Submit': '提交监管报告', 'Triage': '分诊', 'Wait for evidence': '等待证据', 'Wait for the answers': '等待答复',
  'Wait for the callback date': '等待回访日期', 'Wait for the next slot': '等待下一个时段',
  "Wait for the return's outcome": '等待退换货结果'
};

/**
 * A timeline entry's detail as the server writes it ("now at: Resolve", "due 2026-12-01T04:24:27Z;
 * …") in the reader's language, its instants in the reader's zone and the panel's one format.
 */
function detailText(detail) {
  if (!detail) {
    return '';
  }
  return detail
    .replace(/^now at: (.*)$/, (all, stage) => t('now at: ', '当前阶段：') + (zh() && STAGES[stage] ? STAGES[stage] : stage))
    .replace(/^due /, t('due ', '到期 '))
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})/g, instant => when(instant));
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(c => c !== null && c !== undefined).forEach(child =>
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

function table(headings, rows) {
  return element('table', {class: 'table table-condensed'},
    element('thead', {}, element('tr', {}, ...headings.map(h => element('th', {}, h)))),
    element('tbody', {}, ...rows.map(cells => element('tr', {}, ...cells.map(c => element('td', {}, c))))));
}

async function json(url, retried) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  // the webapps' session may be revalidating its user's authorizations at this very moment (a
  // parallel request then gets 401 once): ask again once
  if (response.status === 401 && !retried) {
    await new Promise(resolve => setTimeout(resolve, 300));
    return json(url, true);
  }
  if (!response.ok) {
    const error = new Error(url + ': ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

async function caseNumberOf(taskId) {
  const variable = await json(`/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}/variables/caseNumber`);
  return variable && variable.value;
}

function renderCase(node, view, timeline, task) {
  const now = new Date();
  node.innerHTML = '';
  node.appendChild(element('h4', {}, t('Case ', '工单 ') + view.caseNumber,
    element('small', {}, ' · ' + t('opened ', '创建于 ') + when(view.openedAt))));
  // the task's urgency and the customer's tier in words (io.aftercare.process.TaskUrgency)
  const words = [];
  if (task.urgency && task.urgency.value) {
    words.push(element('span', {class: 'aftercare-urgency'}, t('Urgency: ', '紧急程度：') + task.urgency.value));
  }
  if (task.tier && task.tier.value) {
    words.push(element('span', {class: 'aftercare-tier'}, t(' · Customer: ', ' · 客户等级：') + task.tier.value));
  }
  if (words.length) {
    node.appendChild(element('p', {}, ...words));
  }

  node.appendChild(element('h5', {}, t('Clocks', '时限')));
  const clocks = view.clocks.filter(c => c.status !== 'cancelled');
  node.appendChild(clocks.length ? table(
    [t('Target', '目标'), t('Due', '到期'), t('Standing', '状态')],
    clocks.map(clock => {
      const [kind, label] = standing(clock, now);
      return [clockName(clock.target), when(clock.dueAt),
        element('span', {class: 'aftercare-badge aftercare-' + kind, 'data-standing': kind}, label)];
    })) : element('p', {}, t('No clock runs on this case.', '此工单没有计时。')));

  node.appendChild(element('h5', {}, t('Messages', '消息')));
  node.appendChild(view.notifications.length ? table(
    [t('Message', '消息'), t('To', '收件人'), t('Channel', '渠道'), t('State', '状态'), t('When', '时间')],
    view.notifications.map(m => [templateName(m.template), m.recipient || '',
      CHANNELS[m.channel] ? t(...CHANNELS[m.channel]) : (m.channel || ''),
      MESSAGE_STATES[m.state] ? t(...MESSAGE_STATES[m.state]) : m.state, when(m.sentAt || m.createdAt)]))
    : element('p', {}, t('No message yet.', '暂无消息。')));

  node.appendChild(element('h5', {}, t('Timeline', '时间线')));
  node.appendChild(table(
    [t('When', '时间'), t('What', '事件'), '', t('Who', '人员'), t('Detail', '详情')],
    timeline.entries.map(e => [when(e.at), EVENTS[e.type] ? t(...EVENTS[e.type]) : e.type,
      e.type.startsWith('CLOCK_') ? clockName(e.title) : e.type.startsWith('MESSAGE_') ? templateName(e.title) : e.title,
      e.who || '', detailText(e.detail)])));
}

async function showCase(node, taskId) {
  node.classList.add('aftercare-case');
  node.textContent = t('Loading the case…', '正在加载工单…');
  try {
    const caseNumber = await caseNumberOf(taskId);
    if (!caseNumber) {
      node.textContent = t('This task belongs to no case.', '此任务不属于任何工单。');
      return;
    }
    const [view, timeline, task] = await Promise.all([
      json('/api/cases/' + encodeURIComponent(caseNumber)),
      json('/api/cases/' + encodeURIComponent(caseNumber) + '/timeline'),
      json(`/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}/localVariables`).catch(() => ({}))]);
    renderCase(node, view, timeline, task);
  } catch (error) {
    node.textContent = error.status === 403 || error.status === 401
      ? t('Your role does not show cases here.', '您的角色无权在此查看工单。')
      : t('The case could not be loaded; try again later.', '工单加载失败，请稍后再试。');
  }
}

/**
 * A task card's case at a glance: the case number, the customer's tier in words and the product,
 * the filters' own columns (TasklistFilters). Camunda fills those columns from a variable query
 * that only readers of every variable of the process may pass (supervisors); an agent may read the
 * variables of the tasks it works, so each card asks for its own task's three variables (names
 * given: identifiers and words, no personal data). The built-in columns of the same card are
 * hidden when this line shows, so that a supervisor does not read them twice.
 */
const CARD_COLUMNS = [['caseNumber', 'Case', '工单'], ['tier', 'Customer', '客户等级'], ['product', 'Product', '产品']];

async function fillCard(node, taskId) {
  node.classList.add('aftercare-card');
  try {
    const names = CARD_COLUMNS.map(([name]) => name).join(',');
    const variables = await json(`/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}`
      + `/variables?variableNames=${names}&deserializeValues=false`);
    const shown = CARD_COLUMNS.filter(([name]) => variables[name] && variables[name].value !== null
      && String(variables[name].value) !== '');
    node.innerHTML = '';
    shown.forEach(([name, en, cn], index) => {
      if (index > 0) {
        node.appendChild(document.createTextNode(' · '));
      }
      node.appendChild(element('span', {class: 'aftercare-card-' + name},
        element('span', {class: 'aftercare-card-label'}, t(en, cn) + ' '), String(variables[name].value)));
    });
    const card = node.closest('li.task');
    const builtIn = card && card.querySelector('[data-plugin-id="tasklist-card-variables"]');
    if (builtIn && shown.length) {
      builtIn.style.display = 'none';
    }
  } catch (error) {
    // the card stays as Tasklist shows it
  }
}

export default [{
  id: 'aftercare.card',
  pluginPoint: 'tasklist.card',
  priority: 300,
  render: (node, {taskId}) => {
    fillCard(node, taskId);
  }
}, {
  id: 'aftercare.case',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {
    // the tab's title: both languages, since it is read when this file loads
    label: '工单 Case'
  },
  render: (node, {taskId}) => {
    showCase(node, taskId);
  }
}];
