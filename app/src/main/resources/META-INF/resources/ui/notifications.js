import * as A from './api.js';
import { h, clear, table, field, fmtTime, badge } from './dom.js';
import { act, confirmAction, toast, showProblem, session } from './app.js';

const EVENTS = [
  ['order.filled', 'a fill'], ['order.rejected', 'an order rejected by the venue'],
  ['order.denied', 'an order denied (risk check, kill switch)'], ['risk.kill_switch', 'kill switch changes'],
  ['risk.daily_loss_halt', 'the daily-loss halt'], ['bot.failed', 'a bot failed'], ['bot.feed_stale', 'a live bot’s feed went stale'], ['bot.venue_drift', 'a live bot’s venue differs from its books'],
  ['backtest.finished', 'a backtest finished'], ['sweep.finished', 'a sweep finished'], ['alert.triggered', 'an alert rule fired']];
const FORMATS = [{ value: 'generic', label: 'generic JSON (signed)' }, { value: 'slack', label: 'Slack incoming webhook' },
  { value: 'discord', label: 'Discord webhook' }, { value: 'telegram', label: 'Telegram bot' }];

const KINDS = [{ value: 'drawdown', label: 'drawdown beyond x % of the peak' },
  { value: 'daily_loss', label: 'daily loss beyond y (since the UTC day began)' },
  { value: 'no_trade', label: 'no trade for n hours (while running)' },
  { value: 'exposure', label: 'exposure beyond z % of the equity' }];
const UNITS = { drawdown: ['percent'], daily_loss: ['percent', 'quote'], no_trade: ['hours'], exposure: ['percent'] };
const UNIT_LABELS = { percent: '%', quote: 'in the bot’s currency', hours: 'hours' };

/**
 * Webhook endpoints and alert rules (docs/api-notifications.md): the endpoints with enable/disable, delete and each
 * one's delivery log, a form to add one, whose signing secret is shown once, in a box the user closes; the alert
 * rules with the bots beyond them now, enable/disable, delete, and a form to add one. A viewer reads both lists
 * and the delivery logs (links) and gets no button and no form, as the API refuses them the writes.
 */
export async function notifications(s, root) {
  const listBox = h('section', { class: 'card', 'aria-labelledby': 'ep-title' });
  const secretBox = h('section', { class: 'card secret', id: 'ep-secret', 'aria-live': 'polite', hidden: true });
  const logBox = h('section', { class: 'card', id: 'ep-log', 'aria-live': 'polite', hidden: true, tabindex: '-1' });
  const formBox = h('section', { class: 'card', 'aria-labelledby': 'new-ep-title' });
  const rulesBox = h('section', { class: 'card', 'aria-labelledby': 'rules-title', id: 'alert-rules' });
  const ruleFormBox = h('section', { class: 'card', 'aria-labelledby': 'new-rule-title' });
  clear(root, h('h1', {}, 'Notifications'), secretBox, listBox, logBox, session.canAct ? formBox : null,
    rulesBox, session.canAct ? ruleFormBox : null);
  let shownLog = null;

  async function load() {
    const items = await A.all('/api/notifications/endpoints', 100, { signal: s.signal });
    clear(listBox, h('h2', { id: 'ep-title' }, 'Webhook endpoints'), table(`${items.length} endpoints`, [
      ['Name', e => e.name], ['Format', e => e.format], ['Target', e => e.format === 'telegram' ? `chat ${e.chatId}` : e.url],
      ['Events', e => e.events.join(', ')],
      ['State', e => e.enabled ? badge('enabled') : h('span', {}, badge('disabled'), e.disabledReason ? ' ' + e.disabledReason : '')],
      ['Failures in a row', e => e.consecutiveFailures, { num: true }],
      ...(session.canAct ? [] : [['Delivery log', e => h('a', { href: '#/notifications', 'aria-label': `Deliveries of ${e.name}`,
        onclick: ev => { ev.preventDefault(); showLog(e); } }, 'Deliveries')]]),
      ...(!session.canAct ? [] : [['Actions', e => h('span', { class: 'actions' },
        h('button', { type: 'button', 'aria-label': `Deliveries of ${e.name}`, onclick: () => showLog(e) }, 'Deliveries'),
        h('button', { type: 'button', 'aria-label': `${e.enabled ? 'Disable' : 'Enable'} ${e.name}`, onclick: async () => {
          await act(() => A.api('PATCH', '/api/notifications/endpoints/' + e.id, { enabled: !e.enabled }),
            `${e.name} ${e.enabled ? 'disabled' : 'enabled'}`);
          load();
        } }, e.enabled ? 'Disable' : 'Enable'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${e.name}`, onclick: async () => {
          if (await confirmAction(`Delete endpoint “${e.name}” with its queue and delivery log?`, { reason: false, ok: 'Delete' }) === null) return;
          await act(() => A.api('DELETE', '/api/notifications/endpoints/' + e.id), 'Endpoint deleted');
          if (shownLog && shownLog.id === e.id) { shownLog = null; logBox.hidden = true; }
          load();
        } }, 'Delete'))]])], items,
      session.canAct ? 'none yet. Add one below: a URL that receives a signed POST for each event you choose, or a Slack, Discord or Telegram target.' : 'none.'));
    listBox.dataset.loaded = String(Date.now());
  }

  async function showLog(e, focus = true) {
    shownLog = e;
    const page = await A.get(`/api/notifications/endpoints/${e.id}/deliveries?limit=50`, { signal: s.signal });
    clear(logBox, h('h2', { id: 'log-title' }, `Deliveries of ${e.name}`), table(`Latest ${page.items.length} of ${page.total}`, [
      ['#', d => d.seq, { num: true }], ['Event', d => d.kind], ['Title', d => d.title], ['Status', d => badge(d.status)],
      ['Attempts', d => d.attempts, { num: true }], ['Last HTTP status', d => d.lastStatusCode ?? '—', { num: true }],
      ['Last error', d => d.lastError || ''], ['Occurred', d => fmtTime(d.occurredAt)],
      ['Next attempt', d => fmtTime(d.nextAttemptAt)], ['Finished', d => fmtTime(d.finishedAt)]], page.items,
      'nothing sent yet; deliveries appear when an event of the kinds it wants happens.'),
      session.canAct ? h('button', { type: 'button', onclick: () => { shownLog = null; logBox.hidden = true; } }, 'Close the log') : null);
    logBox.hidden = false;
    if (focus) logBox.focus();
  }

  const fields = {};
  const f = (name, ...args) => (fields[name] = field(...args));
  const name = f('name', 'Name', { name: 'name', required: true, maxlength: 100 });
  const format = f('format', 'Format', { name: 'format', options: FORMATS });
  const url = f('url', 'URL', { type: 'url', name: 'url', autocomplete: 'off', placeholder: 'https://hooks.example.com/cryptobot' },
    'an address on this machine or a private network is refused unless an admin allowed it');
  const botToken = f('botToken', 'Bot token', { type: 'password', name: 'botToken', autocomplete: 'new-password' }, 'sent once, sealed on the server');
  const chatId = f('chatId', 'Chat id', { name: 'chatId', autocomplete: 'off' });
  const telegram = h('div', { class: 'row', hidden: true }, botToken, chatId);
  const boxes = EVENTS.map(([code, label]) => {
    const id = 'ev-' + code.replace('.', '-');
    const input = h('input', { type: 'checkbox', id, name: 'events', value: code, checked: code === 'order.filled' || code === 'risk.kill_switch' ? true : null });
    return h('div', { class: 'check' }, input, h('label', { for: id }, `${code} — ${label}`));
  });
  const events = h('fieldset', { class: 'params events' }, h('legend', {}, 'Events'), boxes);
  fields.events = { input: events };
  format.input.addEventListener('change', () => {
    const tg = format.input.value === 'telegram';
    telegram.hidden = !tg;
    url.hidden = tg;
  });
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const form = h('form', { 'aria-labelledby': 'new-ep-title', novalidate: true },
    h('div', { class: 'row' }, name, format, url), telegram, events, problem, h('button', { type: 'submit' }, 'Add endpoint'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const tg = format.input.value === 'telegram';
    const body = { name: name.input.value.trim(), format: format.input.value,
      events: [...events.querySelectorAll('input:checked')].map(i => i.value) };
    if (tg) { body.botToken = botToken.input.value.trim(); body.chatId = chatId.input.value.trim(); }
    else body.url = url.input.value.trim();
    botToken.input.value = '';   // the token leaves the page's inputs at once
    try {
      const created = await A.post('/api/notifications/endpoints', body);
      showProblem(problem, null, fields);
      form.reset();
      telegram.hidden = true; url.hidden = false;
      showSecret(created);
      toast(`Endpoint ${created.endpoint.name} added`);
      load();
    } catch (e) { showProblem(problem, e, fields); }
  });
  clear(formBox, h('h2', { id: 'new-ep-title' }, 'New endpoint'), form);

  /** The signing secret, this once: in the page only until the user closes the box or leaves the page. */
  function showSecret(created) {
    const done = h('button', { type: 'button', onclick: () => { clear(secretBox); secretBox.hidden = true; } }, 'I have stored it: hide');
    clear(secretBox, h('h2', { id: 'secret-title' }, `Signing secret of ${created.endpoint.name}`),
      h('p', {}, 'Store it now: it is shown this once and cannot be read again. Check each delivery’s '
        + 'X-Cryptobot-Signature (HMAC-SHA256 of “t.body”) with it.'),
      h('p', {}, h('code', { id: 'ep-secret-value' }, created.signingSecret)), done);
    secretBox.hidden = false;
    done.focus();
  }

  const rules = await alertRules(s, rulesBox, ruleFormBox);
  await load();
  // delivery outcomes change as the worker sends: the list and the open log are read again every 5 s
  // (not while the keyboard is on one of their buttons: a rebuilt table would lose the focus)
  s.every(5000, () => {
    if (!listBox.contains(document.activeElement)) load().catch(() => {});
    if (shownLog && !logBox.contains(document.activeElement)) showLog(shownLog, false).catch(() => {});
    if (!rulesBox.contains(document.activeElement)) rules.load().catch(() => {});
  });
}

/**
 * Alert rules: the caller's rules with the bots beyond each now (names from the bot list), enable/disable and
 * delete; the form: name, condition, threshold with its unit (daily loss in % or in the bot's currency), one bot
 * or each of them. Answers {load} for the page's refresh.
 */
async function alertRules(s, listBox, formBox) {
  const bots = await A.all('/api/bots', 100, { signal: s.signal });
  const botName = id => (bots.find(b => b.id === id) || {}).name || id;

  async function load() {
    const items = await A.all('/api/notifications/alerts', 100, { signal: s.signal });
    clear(listBox, h('h2', { id: 'rules-title' }, 'Alert rules'), table(`${items.length} alert rules`, [
      ['Name', r => r.name], ['Condition', r => r.kind.replace('_', ' ')],
      ['Threshold', r => `${r.threshold} ${UNIT_LABELS[r.unit] || r.unit}`],
      ['Bot', r => r.botId ? botName(r.botId) : 'each of my bots'],
      ['State', r => badge(r.enabled ? 'enabled' : 'disabled')],
      ['Beyond it now', r => r.breachedBots.length ? r.breachedBots.map(botName).join(', ') : '—'],
      ...(!session.canAct ? [] : [['Actions', r => h('span', { class: 'actions' },
        h('button', { type: 'button', 'aria-label': `${r.enabled ? 'Disable' : 'Enable'} rule ${r.name}`, onclick: async () => {
          await act(() => A.api('PATCH', '/api/notifications/alerts/' + r.id, { enabled: !r.enabled }),
            `Rule ${r.name} ${r.enabled ? 'disabled' : 'enabled'}`);
          load();
        } }, r.enabled ? 'Disable' : 'Enable'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete rule ${r.name}`, onclick: async () => {
          if (await confirmAction(`Delete alert rule “${r.name}”?`, { reason: false, ok: 'Delete' }) === null) return;
          await act(() => A.api('DELETE', '/api/notifications/alerts/' + r.id), 'Alert rule deleted');
          load();
        } }, 'Delete'))]])], items,
      session.canAct ? 'none yet. Add one below; an endpoint that wants alert.triggered receives each breach once.' : 'none.'));
    listBox.dataset.loaded = String(Date.now());
  }

  if (session.canAct) {
    const fields = {};
    const name = fields.name = field('Rule name', { name: 'name', required: true, maxlength: 100, id: 'rule-name' });
    const kind = fields.kind = field('Condition', { name: 'kind', options: KINDS, id: 'rule-kind' });
    const threshold = fields.threshold = field('Threshold', { name: 'threshold', type: 'number', min: '0', step: 'any',
      required: true, inputmode: 'decimal', id: 'rule-threshold' }, 'strictly beyond it fires, once per breach');
    const unit = fields.unit = field('Unit', { name: 'unit', options: UNITS.drawdown.map(u => ({ value: u, label: UNIT_LABELS[u] })), id: 'rule-unit' });
    const bot = fields.botId = field('Bot', { name: 'botId', id: 'rule-bot',
      options: [{ value: '', label: 'each of my bots' }, ...bots.map(b => ({ value: b.id, label: b.name }))] });
    const units = () => {
      const allowed = UNITS[kind.input.value];
      unit.input.replaceChildren(...allowed.map(u => h('option', { value: u }, UNIT_LABELS[u])));
      unit.input.disabled = allowed.length === 1;
    };
    kind.input.addEventListener('change', units);
    units();
    const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
    const form = h('form', { 'aria-labelledby': 'new-rule-title', novalidate: true },
      h('div', { class: 'row' }, name, kind, threshold, unit, bot), problem, h('button', { type: 'submit' }, 'Add rule'));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const body = { name: name.input.value.trim(), kind: kind.input.value, threshold: threshold.input.value.trim() };
      if (kind.input.value === 'daily_loss') body.unit = unit.input.value;
      if (bot.input.value) body.botId = bot.input.value;
      try {
        const created = await A.post('/api/notifications/alerts', body);
        showProblem(problem, null, fields);
        form.reset();
        units();
        toast(`Alert rule ${created.name} added`);
        load();
      } catch (e) { showProblem(problem, e, fields); }
    });
    clear(formBox, h('h2', { id: 'new-rule-title' }, 'New alert rule'), form);
  }
  await load();
  return { load };
}
