import * as A from './api.js';
import { h, clear, table, field, fmtNum, fmtTime, pnl, badge } from './dom.js';
import * as C from './charts.js';
import { session, act, confirmAction, toast, showProblem, notFound } from './app.js';
import { TIMEFRAMES, toIso, daysAgo, strategyParams, strategies, instruments } from './forms.js';

/** The controls a bot in this state allows: [action, label, asks a reason]. */
function controls(b) {
  switch (b.status) {
    case 'created': return [['start', 'Start', false], ['stop', 'Stop', true]];
    case 'running': return [['pause', 'Pause', true], ['stop', 'Stop', true]];
    case 'paused': return [['resume', 'Resume', false], ['stop', 'Stop', true]];
    case 'failed': return [['resume', 'Resume', false]];
    default: return [];
  }
}

export function botButtons(b, after) {
  if (!session.canAct) return null;
  return h('span', { class: 'actions' }, controls(b).map(([action, label, reason]) =>
    h('button', { type: 'button', 'data-action': action, 'aria-label': `${label} ${b.name}`, onclick: async () => {
      let body = null;
      if (reason) {
        const r = await confirmAction(`${label} bot “${b.name}”?`, { ok: label });
        if (r === null) return;
        body = { reason: r };
      }
      await act(() => A.post(`/api/bots/${b.id}/${action}`, body), `${b.name}: ${action}`);
      after();
    } }, label)));
}

export async function bots(s, root) {
  const list = h('section', { class: 'card', 'aria-labelledby': 'bots-title' });
  const create = h('section', { class: 'card', 'aria-labelledby': 'new-bot-title' });
  clear(root, h('h1', {}, 'Bots'), list, session.canAct ? create : null);
  async function load() {
    const items = await A.all('/api/bots', 1000, { signal: s.signal });
    clear(list, h('h2', { id: 'bots-title' }, 'Your bots'),
      table(`${items.length} bots`, [
        ['Name', b => h('a', { href: '#/bots/' + b.id }, b.name)], ['Strategy', b => b.strategy],
        ['Instrument', b => `${b.instrument} ${b.timeframe}`], ['Status', b => badge(b.status)],
        ['Steps', b => b.steps, { num: true }], ['Equity', b => fmtNum(b.pnl.equity), { num: true }],
        ['Net P&L', b => pnl(b.pnl.netPnl), { num: true }], ['Trades', b => b.pnl.trades, { num: true }],
        ...(session.canAct ? [['Actions', b => botButtons(b, load)]] : [])], items, 'no bot yet.'));
    list.dataset.loaded = String(Date.now());
  }
  await load();
  if (session.canAct) await createForm(create, s);
  // live: a bot's status, steps and P&L change with its candles (read every 5 s) and its fills (the order stream)
  let pending = null;
  s.every(5000, () => load().catch(() => {}));
  A.stream('/api/orders/stream', () => { clearTimeout(pending); pending = setTimeout(() => load().catch(() => {}), 750); },
    s.signal, true).catch(() => {});
}

async function createForm(box, s) {
  const [cat, insts, accounts] = await Promise.all([strategies(), instruments(), A.all('/api/accounts', 200)]);
  const paper = accounts.filter(a => a.kind === 'paper');
  const fields = {};
  const f = (name, ...args) => (fields[name] = field(...args));
  const name = f('name', 'Name', { name: 'name', required: true, maxlength: 100 });
  const strategy = f('strategy', 'Strategy', { name: 'strategy', options: cat.map(c => ({ value: c.id, label: c.id })) });
  const instrument = f('instrument', 'Instrument', { name: 'instrument', options: insts.map(i => i.id) });
  const timeframe = f('timeframe', 'Timeframe', { name: 'timeframe', options: TIMEFRAMES, value: '1m' });
  const account = f('accountId', 'Paper account', { name: 'accountId', options: paper.map(a => ({ value: a.id, label: a.name })) },
    paper.length ? null : 'Create a paper account first (Accounts).');
  const kind = f('feed.kind', 'Feed', { name: 'feed', options: [{ value: 'replay', label: 'replay of stored candles' }, { value: 'live', label: 'live candles' }] });
  const from = f('feed.from', 'Replay from (UTC)', { type: 'datetime-local', name: 'from', value: daysAgo(2) });
  const to = f('feed.to', 'Replay to (UTC)', { type: 'datetime-local', name: 'to', value: daysAgo(1) });
  const speed = f('feed.speed', 'Speed (× real time)', { type: 'number', name: 'speed', min: 1, max: 10000000, value: '600' });
  const takerFee = f('takerFee', 'Taker fee', { type: 'number', name: 'takerFee', step: 'any', min: 0, placeholder: '0.001' });
  const slippage = f('slippageBps', 'Slippage (bps)', { type: 'number', name: 'slippageBps', step: 'any', min: 0, placeholder: '0' });
  const params = h('div');
  const renderParams = () => {
    Object.keys(fields).filter(k => k.startsWith('parameters.')).forEach(k => delete fields[k]);
    clear(params, strategyParams(cat.find(c => c.id === strategy.input.value), fields));
  };
  strategy.input.addEventListener('change', renderParams);
  renderParams();
  const replayOnly = h('div', { class: 'row' }, from, to, speed);
  kind.input.addEventListener('change', () => { replayOnly.hidden = kind.input.value !== 'replay'; });
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const form = h('form', { 'aria-labelledby': 'new-bot-title', novalidate: true },
    h('div', { class: 'row' }, name, strategy), params,
    h('div', { class: 'row' }, instrument, timeframe, account, kind), replayOnly,
    h('div', { class: 'row' }, takerFee, slippage), problem,
    h('button', { type: 'submit' }, 'Create bot'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = { name: name.input.value.trim(), strategy: strategy.input.value,
      parameters: params.firstChild.values(), instrument: instrument.input.value, timeframe: timeframe.input.value,
      accountId: account.input.value || null,
      feed: kind.input.value === 'live' ? { kind: 'live' }
        : { kind: 'replay', from: toIso(from.input.value), to: toIso(to.input.value), speed: speed.input.value || null } };
    if (takerFee.input.value) body.takerFee = takerFee.input.value;
    if (slippage.input.value) body.slippageBps = slippage.input.value;
    try {
      const bot = await A.post('/api/bots', body);
      showProblem(problem, null, fields);
      toast(`Bot ${bot.name} created`);
      location.hash = '#/bots/' + bot.id;
    } catch (e) { showProblem(problem, e, fields); }
  });
  clear(box, h('h2', { id: 'new-bot-title' }, 'New bot'), form);
}

export async function botDetail(s, root, id) {
  let bot;
  try {
    bot = await A.get('/api/bots/' + id, { signal: s.signal });
  } catch (e) {
    if (e instanceof A.ApiError && (e.status === 404 || e.status === 400)) { clear(root, notFound('This bot')); return; }
    throw e;
  }
  const head = h('div', { class: 'head' });
  const chartEl = h('div', { class: 'chart tall', id: 'bot-chart', role: 'img', 'aria-label': 'Candles with entries and exits, equity under them' });
  const perfEl = h('div', { class: 'chart', id: 'bot-equity', role: 'img', 'aria-label': 'Equity and drawdown' });
  const metrics = h('section', { class: 'card' });
  const tables = h('div');
  clear(root, head, h('section', { class: 'card' }, h('h2', {}, 'Chart'), chartEl, h('p', { id: 'marker-count', class: 'muted' })),
    h('section', { class: 'card' }, h('h2', {}, 'Equity and drawdown'), perfEl), metrics, tables);

  // What the page holds, read once in full and then only what is new: candles after the last one, fills newer
  // than the newest, trades past the last; the rest (performance curve of 500 points, the latest 50 orders and
  // events) is bounded whatever the bot's age.
  const held = { candles: [], fills: [], fillKeys: new Set(), trades: [], steps: null, full: false };
  const fillKey = f => `${f.orderId}:${f.tradeId}`;

  async function newFills() {
    const fresh = [];
    for (let offset = 0; offset < 5000; offset += 100) {
      const page = await A.get(`/api/fills?bot=${id}&offset=${offset}&limit=100`, { signal: s.signal });
      const unseen = page.items.filter(f => !held.fillKeys.has(fillKey(f)));
      fresh.push(...unseen);
      if (unseen.length < page.items.length || page.items.length < 100) break;   // newest first: reached known ones
    }
    const added = fresh.reverse().filter(f => !held.fillKeys.has(fillKey(f)));
    added.forEach(f => held.fillKeys.add(fillKey(f)));
    held.fills.push(...added);
  }

  async function newTrades() {
    for (;;) {
      const page = await A.get(`/api/bots/${id}/trades?offset=${held.trades.length}&limit=500`, { signal: s.signal });
      held.trades.push(...page.items);
      if (!page.items.length || held.trades.length >= page.total) break;
    }
  }

  async function load() {
    bot = await A.get('/api/bots/' + id, { signal: s.signal });
    clear(head, h('h1', {}, bot.name), badge(bot.status), bot.statusReason ? h('span', { class: 'muted' }, ' ' + bot.statusReason) : '',
      botButtons(bot, () => refresh()));
    if (held.full && bot.steps === held.steps && !fillsChanged) return;   // nothing new since the last read
    fillsChanged = false;
    const last = held.candles.length ? held.candles[held.candles.length - 1].openTime : null;
    const [perf, orders, events, candles] = await Promise.all([
      A.get(`/api/bots/${id}/performance?points=500`, { signal: s.signal }),
      A.get(`/api/orders?bot=${id}&limit=50`, { signal: s.signal }),
      A.get(`/api/bots/${id}/events?limit=50`, { signal: s.signal }),
      loadCandles(bot, last, s.signal), newFills(), newTrades()]);
    held.candles.push(...candles);
    if (held.candles.length > 5000) held.candles.splice(0, held.candles.length - 5000);
    held.steps = bot.steps;
    held.full = true;
    const { fills, trades } = held;
    C.candles(chartEl, held.candles, fills, perf.curve);
    chartEl.dataset.markers = String(fills.length);
    document.getElementById('marker-count').textContent = `${held.candles.length} candles; ${fills.length} fills marked `
      + `(▲ blue: buy, ▼ purple: sell); ${trades.length} closed trades`;
    C.equityDrawdown(perfEl, perf.curve);
    const m = perf.metrics || {};
    clear(metrics, h('h2', {}, 'Performance'), h('dl', { class: 'figures' },
      ...[['Equity', fmtNum(bot.pnl.equity)], ['Net P&L', pnl(bot.pnl.netPnl)], ['Trades', bot.pnl.trades],
        ['Steps', bot.steps], ['Last step', fmtTime(bot.lastStep)], ['Total return', pct(m.totalReturn)],
        ['Max drawdown', pct(m.maxDrawdown)], ['Win rate', pct(m.winRate)], ['Sharpe', fmtNum(m.sharpe)]]
        .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));
    const hint = bot.status === 'created' ? ' Start the bot to see its orders here.' : '';
    clear(tables,
      h('section', { class: 'card' }, h('h2', {}, 'Trades'), table('Closed trades', tradeColumns, trades.slice(-100).reverse(),
        'none yet: a trade is an entry and its exit.' + hint)),
      h('section', { class: 'card' }, h('h2', {}, 'Orders'), table(`Latest of ${orders.total} orders`, [
        ['Created', o => fmtTime(o.createdAt)], ['Side', o => o.side], ['Type', o => o.type],
        ['Quantity', o => o.quantity, { num: true }], ['Status', o => badge(o.status)], ['Avg price', o => fmtNum(o.averagePrice), { num: true }],
        ['Tag', o => o.tag]], orders.items, 'none yet.' + hint)),
      h('section', { class: 'card' }, h('h2', {}, 'Fills'), table(`Latest of ${fills.length} fills`, [
        ['Time', f => fmtTime(f.executedAt)], ['Side', f => f.side], ['Quantity', f => f.quantity, { num: true }],
        ['Price', f => fmtNum(f.price), { num: true }], ['Fee', f => `${f.fee} ${f.feeAsset}`, { num: true }], ['Liquidity', f => f.liquidity]],
        fills.slice(-50).reverse(), 'none yet.')),
      h('section', { class: 'card' }, h('h2', {}, 'Events'), table('Controls and incidents', [
        ['At', e => fmtTime(e.at)], ['Kind', e => e.kind], ['After step', e => fmtTime(e.afterStep)], ['Reason', e => e.reason]], events.items)));
    root.dataset.loaded = String(Date.now());
  }
  let fillsChanged = false;
  let pending = null;
  let busy = null;
  // one read at a time: a timer tick or an order event during a read waits for it instead of racing it
  const refresh = () => { busy = (busy || Promise.resolve()).then(() => load()).catch(() => {}).finally(() => { busy = null; }); };
  const soon = () => { clearTimeout(pending); pending = setTimeout(refresh, 500); };
  await load();
  s.every(3000, () => { if (!busy && (bot.status === 'running' || bot.status === 'created')) refresh(); });
  A.stream('/api/orders/stream', ev => { const o = ev.order || ev.fill; if (o && o.botId === id) { fillsChanged = true; soon(); } },
    s.signal, true).catch(() => {});
}

const pct = v => v === null || v === undefined ? '—' : (Number(v) * 100).toFixed(2) + ' %';

export const tradeColumns = [
  ['#', t => t.seq, { num: true }], ['Entry', t => fmtTime(t.entryTime)], ['Exit', t => fmtTime(t.exitTime)],
  ['Quantity', t => t.quantity, { num: true }], ['Entry price', t => fmtNum(t.entryPrice), { num: true }],
  ['Exit price', t => fmtNum(t.exitPrice), { num: true }], ['Fees', t => fmtNum(t.fees, 4), { num: true }],
  ['Net P&L', t => pnl(t.netPnl), { num: true }]];

const TF_SECONDS = { m: 60, h: 3600, d: 86400, w: 604800 };
/**
 * The candles the bot has seen after `after` (exclusive), or from the start when null: its replay range up to its
 * last step, or the latest 500 of a live feed; at most 2000 at the first read.
 */
async function loadCandles(bot, after, signal) {
  const [venue, pair] = bot.instrument.split(':');
  const [base, quote] = pair.split('/');
  const tf = Number(bot.timeframe.slice(0, -1)) * TF_SECONDS[bot.timeframe.slice(-1)] * 1000;
  const end = bot.lastStep ? Date.parse(bot.lastStep) + tf : bot.feed.to ? Date.parse(bot.feed.to) : Date.now();
  let start;
  if (after) start = Date.parse(after) + tf;
  else {
    start = bot.feed.from ? Date.parse(bot.feed.from) : end - 500 * tf;
    start = Math.max(start, end - 2000 * tf);
  }
  const out = [];
  if (start >= end) return out;
  let from = new Date(start).toISOString();
  const to = new Date(end).toISOString();
  for (let i = 0; i < 5 && from; i++) {
    const page = await A.get(`/api/marketdata/candles/${venue}/${base}/${quote}?timeframe=${bot.timeframe}&from=${from}&to=${to}&limit=2000`, { signal });
    out.push(...page.candles);
    from = page.next;
  }
  return out;
}
