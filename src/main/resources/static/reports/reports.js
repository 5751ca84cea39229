// The supervisors' dashboard: reads /api/reports/* with the login session, draws charts and
// tables, and lists the cases behind a figure (/api/reports/{name}/cases) with their timelines.
'use strict';

const COLOURS = ['#1f6feb', '#f79009', '#12b76a', '#f04438', '#7a5af8', '#06aed4', '#ee46bc', '#84adff', '#667085'];
const charts = {};
const form = document.getElementById('filter');

// Dates say one thing one way: instants as YYYY-MM-DD HH:mm in the browser's time zone (named
// once, in the footer), days as YYYY-MM-DD.
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'your browser\'s time zone';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO-8601 instant within a text (a clock's due time, a date a form set), with its offset or Z. */
const INSTANT_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})(?![\w:])/g;
/** A date and time without an offset: a wall-clock time, shown as it is but in the same format. */
const LOCAL_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?![\w:.+-])/g;

const two = n => String(n).padStart(2, '0');

/** A day of the browser's calendar as YYYY-MM-DD. */
function isoDay(date) {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** An instant (ISO-8601 text) as YYYY-MM-DD HH:mm in the browser's time zone. */
function formatInstant(value) {
  if (value === null || value === undefined || value === '') return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${isoDay(date)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A text with the instants in it said like every other time on the page. */
function formatText(text) {
  if (text === null || text === undefined) return '';
  return String(text).replace(INSTANT_IN_TEXT, formatInstant).replace(LOCAL_IN_TEXT, '$1 $2');
}

/** Whether a text is a day of the calendar as YYYY-MM-DD. */
function isDay(text) {
  if (!DAY.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

function setDays(days) {
  // days of the browser's calendar (a day is not always 24 hours long)
  const to = new Date();
  const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - (days - 1));
  form.from.value = isoDay(from);
  form.to.value = isoDay(to);
}

function filterParams(withPeriod = true) {
  const params = new URLSearchParams();
  if (withPeriod) {
    params.set('from', form.from.value);
    params.set('to', form.to.value);
  }
  if (form.market.value) params.set('market', form.market.value);
  if (form.channel.value) params.set('channel', form.channel.value);
  return params;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    window.location = '/login';
    throw new Error('not logged in');
  }
  const body = await response.json();
  if (!response.ok) {
    const fields = (body.errors || []).map(e => `${e.field} ${e.message}`);
    throw new Error(fields.length ? fields.join('; ') : body.detail || response.statusText);
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (key === 'onclick') node.addEventListener('click', value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

/** A figure that lists its cases when clicked (none when it is zero). */
function figure(report, value, drill, css) {
  if (!value || !drill) return el('td', { class: css }, value ?? '–');
  return el('td', { class: css }, el('a', { onclick: () => showCases(report, drill), title: 'Show the cases' }, value));
}

function table(node, caption, headers, rows) {
  node.replaceChildren();
  if (caption) node.append(el('caption', {}, caption));
  node.append(el('tr', {}, headers.map((h, i) => el('th', { class: i === 0 ? 'text' : undefined }, h))));
  if (rows.length === 0) {
    node.append(el('tr', {}, el('td', { class: 'empty', colspan: headers.length }, 'Nothing in this period')));
  }
  rows.forEach(cells => node.append(el('tr', {}, cells.map(c => (c instanceof Node ? c : el('td', {}, c ?? '–'))))));
}

function chart(section, config) {
  const canvas = document.querySelector(`#${section} canvas`);
  charts[section]?.destroy();
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
  charts[section] = new Chart(canvas, config);
  canvas.dataset.ready = 'true';
  return charts[section];
}

function stacked(extra = {}) {
  const counts = { stacked: true, beginAtZero: true, ticks: { precision: 0 } };
  const scales = extra.indexAxis === 'y' ? { x: counts, y: { stacked: true } } : { x: { stacked: true }, y: counts };
  return Object.assign({ scales }, extra);
}

function clickable(report, drillOf) {
  return {
    onClick: (event, elements, c) => {
      if (elements.length === 0) return;
      const { datasetIndex, index } = elements[0];
      const drill = drillOf(datasetIndex, index, c);
      if (drill) showCases(report, drill);
    }
  };
}

/**
 * A problem with the period or filters, shown under the form, in place of an alert: the figures
 * below are dimmed, as they are not those of the period asked for.
 */
function showProblem(messages) {
  const problem = document.getElementById('problem');
  problem.replaceChildren(...[...new Set(messages)].map(m => el('span', {}, m)));
  problem.hidden = messages.length === 0;
  document.querySelector('main').classList.toggle('stale', messages.length > 0);
}

async function load() {
  const notDays = [['from', 'From', '开始日期'], ['to', 'To', '结束日期']]
    .filter(([name]) => !isDay(form[name].value.trim()))
    .map(([name, label, zh]) => `"${label}" must be a day as YYYY-MM-DD, e.g. ${isoDay(new Date())}. / ${zh}的格式应为 YYYY-MM-DD。`);
  if (notDays.length) {
    showProblem(notDays);
    document.body.dataset.loaded = 'failed';
    return;
  }
  form.from.value = form.from.value.trim();
  form.to.value = form.to.value.trim();
  if (form.from.value && form.to.value && form.from.value > form.to.value) {
    showProblem(['The period ends before it starts: "From" must be on or before "To". / 开始日期不能晚于结束日期。']);
    document.body.dataset.loaded = 'failed';
    return;
  }
  const params = filterParams();
  document.querySelectorAll('a.csv').forEach(link => {
    const report = link.closest('section').id;
    const query = report === 'backlog' ? filterParams(false) : filterParams();
    query.set('format', 'csv');
    link.href = `/api/reports/${report}?${query}`;
  });
  const failures = [];
  let asOf = null;
  // the same problem of the filter (a period too long, say) is shown once, not once per report
  const run = (name, draw, query = params) => getJson(`/api/reports/${name}?${query}`)
    .then(report => {
      asOf = report.generatedAt ?? asOf;
      draw(report);
    })
    .catch(error => failures.push(error.message));
  await Promise.all([
    run('service-levels', drawServiceLevels),
    run('backlog', drawBacklog, filterParams(false)),
    run('escalations', drawEscalations),
    run('satisfaction', drawSatisfaction),
    run('volumes', drawVolumes),
    run('safety', drawSafety),
    run('notifications', drawNotifications)
  ]);
  showProblem(failures);
  document.getElementById('as-of').textContent = asOf ? `Figures as of ${formatInstant(asOf)} · 数据截至 ${formatInstant(asOf)}` : '';
  document.body.dataset.loaded = failures.length ? 'failed' : 'true';
}

function drawServiceLevels(report) {
  const rows = report.rows;
  const statuses = [['metOnTime', 'met on time', 'met-on-time'], ['metLate', 'met late', 'met-late'],
    ['openBreached', 'open, breached', 'open-breached']];
  const openOnTrack = r => r.open - r.openBreached;
  chart('service-levels', {
    type: 'bar',
    data: {
      labels: rows.map(r => r.target),
      datasets: [
        ...statuses.map(([key, label], i) => ({ label, data: rows.map(r => r[key]), backgroundColor: [COLOURS[2], COLOURS[1], COLOURS[3]][i] })),
        { label: 'open, on track', data: rows.map(openOnTrack), backgroundColor: COLOURS[0] }
      ]
    },
    options: stacked(clickable('service-levels', (d, i) => ({ target: rows[i].target,
      status: d < 3 ? statuses[d][2] : 'open' })))
  });
  table(document.querySelector('#service-levels table'), null,
    ['Target', 'Clocks', 'Met on time', 'Met late', 'Open', 'Open breached', '% on time', 'Median min', 'p90 min'],
    rows.map(r => [el('td', {}, r.target), el('td', {}, r.clocks),
      figure('service-levels', r.metOnTime, { target: r.target, status: 'met-on-time' }),
      figure('service-levels', r.metLate, { target: r.target, status: 'met-late' }, r.metLate ? 'bad' : ''),
      figure('service-levels', openOnTrack(r), { target: r.target, status: 'open' }),
      figure('service-levels', r.openBreached, { target: r.target, status: 'open-breached' }, r.openBreached ? 'bad' : ''),
      el('td', {}, r.onTimePercent ?? '–'), el('td', {}, r.medianMinutes ?? '–'), el('td', {}, r.p90Minutes ?? '–')]));
}

const AGES = [['under4h', '< 4 h', 'under-4h'], ['from4to24h', '4–24 h', '4-24h'], ['from1to3d', '1–3 d', '1-3d'], ['over3d', '> 3 d', 'over-3d']];

function drawBacklog(report) {
  const tasks = report.rows.filter(r => r.kind === 'task');
  const cases = report.rows.filter(r => r.kind === 'case');
  const teams = [...new Set(tasks.map(r => r.team))].sort();
  chart('backlog', {
    type: 'bar',
    data: {
      labels: teams,
      datasets: AGES.map(([key, label], i) => ({ label: `tasks ${label}`, backgroundColor: COLOURS[i],
        data: teams.map(team => tasks.filter(r => r.team === team).reduce((sum, r) => sum + r[key], 0)) }))
    },
    options: stacked(Object.assign({ indexAxis: 'y' }, clickable('backlog', (d, i) => ({ kind: 'task', team: teams[i], age: AGES[d][2] }))))
  });
  const rows = [...cases, ...tasks];
  table(document.querySelector('#backlog table'), null,
    ['Open', 'Process', 'Stage', 'Team', 'Total', ...AGES.map(a => a[1]), 'Overdue'],
    rows.map(r => {
      const base = { kind: r.kind, process: r.process, stage: r.stage, team: r.kind === 'task' ? r.team : undefined };
      return [el('td', {}, r.kind), el('td', { class: 'text' }, r.processName ?? r.process), el('td', { class: 'text' }, r.stage),
        el('td', { class: 'text' }, r.team ?? ''), figure('backlog', r.open, clean(base)),
        ...AGES.map(([key, , age]) => figure('backlog', r[key], clean({ ...base, age }))),
        figure('backlog', r.overdue, clean({ ...base, overdue: 'true' }), r.overdue ? 'bad' : '')];
    }));
}

function clean(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null));
}

function drawEscalations(report) {
  const rows = report.rows;
  const weeks = [...new Set(rows.map(r => r.week))].sort();
  chart('escalations', {
    type: 'bar',
    data: {
      labels: weeks,
      datasets: [1, 2, 3].map(level => ({ label: `level ${level}`, backgroundColor: [COLOURS[1], COLOURS[3], COLOURS[4]][level - 1],
        data: weeks.map(week => rows.filter(r => r.week === week && r.level === level).reduce((s, r) => s + r.escalations, 0)) }))
    },
    options: stacked(clickable('escalations', (d, i) => ({ week: weeks[i], level: d + 1 })))
  });
  const byTeam = {};
  rows.forEach(r => {
    byTeam[r.team] ??= [0, 0, 0];
    byTeam[r.team][r.level - 1] += r.escalations;
  });
  table(document.querySelector('#escalations table'), null, ['Team', 'Level 1', 'Level 2', 'Level 3'],
    Object.entries(byTeam).map(([team, levels]) => [el('td', {}, team),
      ...levels.map((n, i) => figure('escalations', n, { team, level: i + 1 }, i > 0 && n ? 'bad' : ''))]));
}

function drawSatisfaction(report) {
  const all = report.rows.find(r => r.dimension === 'all') ?? {};
  const tile = (value, label) => el('div', { class: 'tile' }, el('b', {}, value ?? '–'), el('span', {}, label));
  document.querySelector('#satisfaction .tiles').replaceChildren(
    tile(all.csatAverage, `CSAT (1–5), ${all.answers ?? 0} answers`), tile(all.nps, 'NPS'),
    tile(all.resolvedPercent == null ? null : `${all.resolvedPercent} %`, 'resolved'),
    tile(all.reopenPercent == null ? null : `${all.reopenPercent} %`, `reopened of ${all.complaints ?? 0} complaints`));
  chart('satisfaction', {
    type: 'bar',
    data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: 'CSAT answers', backgroundColor: COLOURS[0],
      data: [1, 2, 3, 4, 5].map(i => all[`csat${i}`] ?? 0) }] },
    options: Object.assign({ plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, clickable('satisfaction', (d, i) => ({ csat: i + 1 })))
  });
  const rows = report.rows.filter(r => r.dimension !== 'all');
  table(document.querySelector('#satisfaction table'), null,
    ['By', 'Answers', 'CSAT', 'NPS', 'Resolved %', 'Complaints', 'Reopened %'],
    rows.map(r => [el('td', {}, `${r.dimension}: ${r.value}`),
      figure('satisfaction', r.answers, { [r.dimension]: r.value }), el('td', {}, r.csatAverage ?? '–'),
      el('td', {}, r.nps ?? '–'), el('td', {}, r.resolvedPercent ?? '–'), el('td', {}, r.complaints),
      figure('satisfaction', r.reopened ? r.reopenPercent : 0, { [r.dimension]: r.value, reopened: 'true' })]));
}

function drawVolumes(report) {
  const series = report.rows.filter(r => r.dimension === 'category');
  const periods = [...new Set(report.rows.filter(r => r.period).map(r => r.period))].sort();
  const categories = [...new Set(series.map(r => r.value))].sort();
  chart('volumes', {
    type: 'bar',
    data: {
      labels: periods,
      datasets: categories.map((category, i) => ({ label: category, backgroundColor: COLOURS[i % COLOURS.length],
        data: periods.map(p => series.filter(r => r.period === p && r.value === category).reduce((s, r) => s + r.cases, 0)) }))
    },
    options: stacked(clickable('volumes', (d, i) => ({ category: categories[d], period: periods[i] })))
  });
  const top = (dimension, drillKey, label) => report.rows.filter(r => r.dimension === dimension)
    .map(r => [el('td', {}, label(r)), figure('volumes', r.cases, { [drillKey]: r.value, ...(dimension === 'batch' ? { sku: r.sku } : {}) }),
      figure('volumes', r.repeatCustomer + r.repeatBatch ? r.repeatCustomer : 0, { [drillKey]: r.value, repeat: 'true' })]);
  table(document.querySelector('#volumes table.products'), 'Top products', ['SKU', 'Complaints', 'Repeat customer'],
    top('sku', 'sku', r => r.value));
  table(document.querySelector('#volumes table.batches'), 'Top batches', ['Batch', 'Complaints', 'Repeat customer'],
    top('batch', 'batch', r => `${r.sku} ${r.value}`));
  const channels = {};
  report.rows.filter(r => r.dimension === 'intakeChannel').forEach(r => {
    channels[r.value] = (channels[r.value] ?? 0) + r.cases;
  });
  const processes = {};
  report.rows.filter(r => r.dimension === 'process').forEach(r => {
    processes[r.value] = (processes[r.value] ?? 0) + r.cases;
  });
  table(document.querySelector('#volumes table.channels'), 'Complaints by channel · cases by process', ['', 'Count'],
    [...Object.entries(channels).map(([c, n]) => [el('td', {}, c), figure('volumes', n, { intakeChannel: c })]),
      ...Object.entries(processes).map(([p, n]) => [el('td', {}, p), figure('volumes', n, { process: p })])]);
}

function drawSafety(report) {
  const reactions = report.rows.filter(r => r.section === 'reactions');
  const markets = [...new Set(reactions.map(r => r.market))].sort();
  const levels = ['general', 'serious', 'social_impact', 'unassessed'];
  chart('safety', {
    type: 'bar',
    data: { labels: markets, datasets: levels.map((level, i) => ({ label: level, backgroundColor: [COLOURS[0], COLOURS[3], COLOURS[4], COLOURS[8]][i],
      data: markets.map(m => reactions.filter(r => r.market === m && r.seriousness === level).reduce((s, r) => s + r.cases, 0)) })) },
    options: stacked(clickable('safety', (d, i) => ({ seriousness: levels[d] })))
  });
  table(document.querySelector('#safety table.reports'), 'Regulatory reports', ['Clock', 'On time', 'Late', 'Open'],
    report.rows.filter(r => r.section === 'reports').map(r => [el('td', {}, r.target),
      figure('safety', r.onTime, { target: r.target, status: 'met-on-time' }),
      figure('safety', r.late, { target: r.target, breached: 'true' }, r.late ? 'bad' : ''),
      figure('safety', r.open, { target: r.target, status: 'open' })]));
  table(document.querySelector('#safety table.signals'), 'Batch signals now', ['Batch', 'Reports in window', 'Open reviews'],
    report.rows.filter(r => r.section === 'signals').map(r => [el('td', {}, `${r.sku} ${r.batch}`),
      figure('safety', r.cases, { sku: r.sku, batch: r.batch }), el('td', { class: r.open ? 'bad' : '' }, r.open)]));
}

function drawNotifications(report) {
  const rows = report.rows;
  const channels = [...new Set(rows.map(r => r.notificationChannel))].sort();
  const states = [['sent', 'SENT', COLOURS[2]], ['pending', 'PENDING', COLOURS[1]], ['failed', 'FAILED', COLOURS[3]]];
  chart('notifications', {
    type: 'bar',
    data: { labels: channels, datasets: states.map(([key, state, colour]) => ({ label: key, backgroundColor: colour,
      data: channels.map(c => rows.filter(r => r.notificationChannel === c).reduce((s, r) => s + r[key], 0)) })) },
    options: stacked(clickable('notifications', (d, i) => ({ notificationChannel: channels[i], state: states[d][1] })))
  });
  table(document.querySelector('#notifications table'), null, ['Channel', 'To', 'Sent', 'Pending', 'Failed'],
    rows.map(r => [el('td', {}, r.notificationChannel), el('td', {}, r.audience.toLowerCase()),
      ...states.map(([key, state]) => figure('notifications', r[key],
        { notificationChannel: r.notificationChannel, audience: r.audience, state }, key === 'failed' && r[key] ? 'bad' : ''))]));
}

async function showCases(report, drill) {
  const drawer = document.getElementById('drawer');
  const query = report === 'backlog' ? filterParams(false) : filterParams();
  Object.entries(drill).forEach(([key, value]) => query.set(key, value));
  drawer.hidden = false;
  drawer.querySelector('h2').textContent = `${report}: ${Object.values(drill).join(' · ')}`;
  const list = drawer.querySelector('ol.cases');
  drawer.querySelector('.timeline').replaceChildren();
  list.replaceChildren(el('li', { class: 'empty' }, 'Loading…'));
  try {
    const result = await getJson(`/api/reports/${report}/cases?${query}`);
    list.replaceChildren(...result.cases.map(c => el('li', {}, el('a', { href: `#${c.caseNumber}`, onclick: event => {
      event.preventDefault();
      showTimeline(c.caseNumber);
    } }, c.caseNumber), ` ${c.market ?? ''} ${c.channel ?? ''} `,
    c.openedAt ? el('time', { datetime: c.openedAt, title: 'opened / 开单时间' }, formatInstant(c.openedAt)) : '')));
    if (result.truncated) list.append(el('li', { class: 'empty' }, 'and more (the newest are listed)'));
    if (result.cases.length === 0) list.append(el('li', { class: 'empty' }, 'No cases'));
  } catch (error) {
    list.replaceChildren(el('li', { class: 'empty' }, error.message));
  }
}

async function showTimeline(caseNumber) {
  const box = document.querySelector('#drawer .timeline');
  box.replaceChildren(el('h3', {}, `${caseNumber} `, el('a', { href: `/api/cases/${caseNumber}`, target: '_blank' }, 'case (JSON)')));
  const result = await getJson(`/api/cases/${caseNumber}/timeline`);
  result.entries.forEach(entry => box.append(el('div', { class: `entry ${entry.type}` },
    el('time', { datetime: entry.at }, formatInstant(entry.at)),
    el('span', { class: 'type' }, `${entry.type.replaceAll('_', ' ').toLowerCase()}${entry.process ? ' · ' + entry.process : ''}`),
    el('div', {}, entry.title, entry.who ? ` — ${entry.who}` : ''),
    details(entry))));
  // messages that failed for good: a supervisor sends them again from here
  const view = await getJson(`/api/cases/${caseNumber}`);
  const failed = view.notifications.filter(n => n.state === 'FAILED');
  if (failed.length) {
    box.append(el('h3', {}, 'Failed messages'));
    failed.forEach(message => {
      const button = el('button', { type: 'button', onclick: () => requeue(message.id, caseNumber, button) }, 'Send again');
      box.append(el('div', { class: 'entry MESSAGE_FAILED' },
        el('span', { class: 'type' }, `${message.template} · ${message.channel ?? 'no channel'} · ${message.recipient ?? ''}`),
        el('div', {}, formatText(message.lastError ?? '')), button));
    });
  }
}

/** What an entry adds: the values a task's form set, each with its label; else its detail. */
function details(entry) {
  if (entry.values?.length) {
    return el('dl', { class: 'values' }, entry.values.flatMap(v => [el('dt', {}, v.label), el('dd', {}, formatText(v.value))]));
  }
  return entry.detail ? el('div', { class: 'type' }, formatText(entry.detail)) : '';
}

/** Re-queues a failed message (POST /api/notifications/{id}/requeue, with the session's CSRF token). */
async function requeue(id, caseNumber, button) {
  button.disabled = true;
  try {
    const csrf = await getJson('/api/csrf');
    const response = await fetch(`/api/notifications/${id}/requeue`, {
      method: 'POST', headers: { Accept: 'application/json', [csrf.headerName]: csrf.token } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || response.statusText);
    await showTimeline(caseNumber);
  } catch (error) {
    button.replaceWith(el('span', { class: 'type' }, error.message));
  }
}

const CALENDAR_ICON = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">'
  + '<rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor"/>'
  + '<path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor"/></svg>';

/** Each day field gets the browser's calendar beside it; the field keeps YYYY-MM-DD. */
function addCalendars() {
  form.querySelectorAll('input.day').forEach(input => {
    const picker = el('input', { type: 'date', class: 'picker', tabindex: '-1', 'aria-hidden': 'true' });
    const button = el('button', { type: 'button', class: 'calendar', title: 'Pick a day · 选择日期',
      'aria-label': `Pick the day “${input.name}” · 选择日期` });
    button.innerHTML = CALENDAR_ICON;
    button.addEventListener('click', () => {
      picker.value = isDay(input.value.trim()) ? input.value.trim() : '';
      try {
        picker.showPicker();
      } catch (error) {
        input.focus();
      }
    });
    picker.addEventListener('change', () => {
      if (picker.value) input.value = picker.value;
    });
    input.after(button, picker);
  });
}

/** Logging out is a POST with the session's CSRF token; without script the link asks first (GET /logout). */
document.getElementById('logout').addEventListener('click', async event => {
  event.preventDefault();
  try {
    const csrf = await getJson('/api/csrf');
    const logout = el('form', { method: 'post', action: '/logout', hidden: '' },
      el('input', { type: 'hidden', name: csrf.parameterName ?? '_csrf', value: csrf.token }));
    document.body.append(logout);
    logout.submit();
  } catch (error) {
    window.location = '/logout';
  }
});

document.getElementById('zone').textContent =
  `Times in ${TIME_ZONE}, your browser's time zone · 时间按浏览器时区 ${TIME_ZONE} 显示`;
addCalendars();
document.querySelectorAll('.quick button').forEach(button => button.addEventListener('click', () => {
  setDays(Number(button.dataset.days));
  load();
}));
form.addEventListener('submit', event => {
  event.preventDefault();
  load();
});
document.querySelector('#drawer .close').addEventListener('click', () => {
  document.getElementById('drawer').hidden = true;
});
setDays(7);
load();
