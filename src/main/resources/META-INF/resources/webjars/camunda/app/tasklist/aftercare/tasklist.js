/*
 * Aftercare in Camunda Tasklist (loaded by scripts/config.js as a custom script):
 *
 * 1. Lists sorted by due date, soonest first, unless the user chose another order (Tasklist keeps
 *    the order in the address, "sorting"; its own default is the creation date).
 * 2. "Case / 工单", a tab beside the task's form (plugin point tasklist.task.detail): the case's
 *    clocks with on-track / at-risk / breached badges, the messages sent and the timeline, read from
 *    Aftercare's /api with the Tasklist login. The API decides what each group may see: a group
 *    that may not read cases gets a sentence, not the case.
 */
const BY_DUE_DATE = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.substring(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', BY_DUE_DATE);
  window.location.replace('#/?' + params.toString());
}
window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();

const zh = (document.documentElement.lang || '').startsWith('zh');
const t = (en, cn) => (zh ? cn : en);

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

async function json(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
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

function renderCase(node, view, timeline) {
  const now = new Date();
  node.innerHTML = '';
  node.appendChild(element('h4', {}, t('Case ', '工单 ') + view.caseNumber,
    element('small', {}, ' · ' + t('opened ', '创建于 ') + when(view.openedAt))));

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
    view.notifications.map(m => [m.template, m.recipient || '', m.channel || '',
      MESSAGE_STATES[m.state] ? t(...MESSAGE_STATES[m.state]) : m.state, when(m.sentAt || m.createdAt)]))
    : element('p', {}, t('No message yet.', '暂无消息。')));

  node.appendChild(element('h5', {}, t('Timeline', '时间线')));
  node.appendChild(table(
    [t('When', '时间'), t('What', '事件'), '', t('Who', '人员'), t('Detail', '详情')],
    timeline.entries.map(e => [when(e.at), EVENTS[e.type] ? t(...EVENTS[e.type]) : e.type,
      e.type.startsWith('CLOCK_') ? clockName(e.title) : e.title, e.who || '', e.detail || ''])));
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
    const [view, timeline] = await Promise.all([
      json('/api/cases/' + encodeURIComponent(caseNumber)),
      json('/api/cases/' + encodeURIComponent(caseNumber) + '/timeline')]);
    renderCase(node, view, timeline);
  } catch (error) {
    node.textContent = error.status === 403 || error.status === 401
      ? t('Your role does not show cases here.', '您的角色无权在此查看工单。')
      : t('The case could not be loaded; try again later.', '工单加载失败，请稍后再试。');
  }
}

export default {
  id: 'aftercare.case',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {
    label: t('Case', '工单')
  },
  render: (node, {taskId}) => {
    showCase(node, taskId);
  }
};
