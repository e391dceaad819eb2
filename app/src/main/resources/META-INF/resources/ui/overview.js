import * as A from './api.js';
import { h, clear, table, fmtNum, fmtTime, pnl, badge } from './dom.js';
import * as C from './charts.js';
import { session, act, confirmAction, toast } from './app.js';

const SWITCH = [
  ['halt', 'Halt', 'Halt all trading: every live bot cancels its open orders and pauses.'],
  ['reduce-only', 'Reduce only', 'Reduce only: only orders that shrink a position pass.'],
  ['resume', 'Resume', 'Resume trading: the kill switch is lifted (paused bots stay paused until you resume them).'],
];

export async function overview(s, root) {
  const killBox = h('section', { class: 'card', 'aria-labelledby': 'ks-title', id: 'kill-switch' });
  const totals = h('section', { class: 'card', 'aria-labelledby': 'pnl-title' });
  const positions = h('section', { class: 'card', 'aria-labelledby': 'pos-title' });
  const blocks = h('section', { class: 'card', 'aria-labelledby': 'blk-title' });
  const live = h('span', { class: 'live', id: 'live-state' }, 'live: connecting');
  clear(root, h('div', { class: 'head' }, h('h1', {}, 'Overview'), live), killBox, totals, positions, blocks);

  async function loadKill() {
    const st = await A.get('/api/risk/state', { signal: s.signal });
    clear(killBox, h('h2', { id: 'ks-title' }, 'Kill switch'),
      h('p', {}, 'State: ', h('strong', { id: 'ks-state', class: 'ks-' + st.state }, st.state),
        st.since ? ` since ${fmtTime(st.since)}` : '', st.reason ? h('span', {}, ' — reason: ', h('q', { id: 'ks-reason' }, st.reason)) : ''),
      session.canAct ? h('div', { class: 'actions' }, SWITCH.map(([path, label, text]) =>
        h('button', { type: 'button', class: path === 'halt' ? 'danger' : null, 'data-action': 'ks-' + path,
          disabled: (path === 'halt' && st.state === 'halted') || (path === 'reduce-only' && st.state === 'reducing')
            || (path === 'resume' && st.state === 'active') ? true : null,
          onclick: async () => {
            const reason = await confirmAction(text, { ok: label });
            if (reason === null) return;
            await act(() => A.post('/api/risk/' + path, { reason }), `Kill switch: ${label.toLowerCase()}`);
            refreshAll();
          } }, label))) : null);
  }

  async function loadSummary() {
    const [summary, botList] = await Promise.all([A.get('/api/portfolio/summary', { signal: s.signal }),
      A.all('/api/bots', 1000, { signal: s.signal })]);
    const parts = [h('h2', { id: 'pnl-title' }, 'Equity and P&L')];
    if (!summary.currencies.length) parts.push(h('p', { class: 'empty' }, 'No bot has traded yet. ',
      session.canAct ? h('span', {}, 'To start: a paper account (', h('a', { href: '#/accounts' }, 'Accounts'), '), then a bot on it (',
        h('a', { href: '#/bots' }, 'Bots'), '); or try a strategy on past candles first (', h('a', { href: '#/backtests' }, 'Backtests'), ').') : ''));
    for (const cur of summary.currencies) {
      const eqChart = h('div', { class: 'chart', role: 'img', 'aria-label': `Equity by day in ${cur.currency}` });
      const botChart = h('div', { class: 'chart', role: 'img', 'aria-label': `Net P&L by bot in ${cur.currency}` });
      parts.push(h('h3', {}, cur.currency),
        h('dl', { class: 'figures' },
          fig('Equity', fmtNum(cur.equity)), fig('Starting cash', fmtNum(cur.startingCash)),
          fig('Net P&L', pnl(cur.netPnl)), fig('Realized', pnl(cur.realizedPnl)),
          fig('Unrealized', pnl(cur.unrealizedPnl)), fig('Trades', cur.trades)),
        h('div', { class: 'grid2' }, eqChart, botChart),
        h('div', { class: 'grid3' },
          table('P&L by instrument', [['Instrument', e => e[0]], ['Net P&L', e => pnl(e[1]), { num: true }]], Object.entries(cur.pnlByInstrument)),
          table('P&L by week', [['Week', e => e[0]], ['Net P&L', e => pnl(e[1]), { num: true }]], Object.entries(cur.pnlByWeek).reverse()),
          table('P&L by month', [['Month', e => e[0]], ['Net P&L', e => pnl(e[1]), { num: true }]], Object.entries(cur.pnlByMonth).reverse())));
      // equity over time: the starting cash plus the closed trades' P&L by their exit day
      let running = Number(cur.startingCash);
      const days = Object.entries(cur.pnlByDay).sort();
      const points = days.map(([d, v]) => [d + 'T23:59:59Z', (running += Number(v))]);
      if (points.length) points.unshift([days[0][0] + 'T00:00:00Z', Number(cur.startingCash)]);
      requestAnimationFrame(() => {
        C.line(eqChart, 'Equity by day (closed trades)', points);
        C.bars(botChart, 'Net P&L by bot', cur.bots.map(b => [b.name, b.netPnl]));
      });
    }
    const counts = botList.reduce((m, b) => (m[b.status] = (m[b.status] || 0) + 1, m), {});
    parts.push(h('p', { id: 'bot-counts' }, `${botList.length} bots: `,
      Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'none', ' — ', h('a', { href: '#/bots' }, 'all bots')));
    clear(totals, parts);
    return botList;
  }

  async function loadPositions(botList) {
    const liveBots = botList.filter(b => b.status === 'running' || b.status === 'paused');
    const books = await Promise.all(liveBots.map(b => A.get(`/api/bots/${b.id}/portfolio`, { signal: s.signal })
      .then(p => p.positions.map(pos => ({ ...pos, bot: b, lastClose: p.lastClose }))).catch(() => [])));
    clear(positions, h('h2', { id: 'pos-title' }, 'Open positions'),
      table('Positions of running and paused bots', [
        ['Bot', p => h('a', { href: '#/bots/' + p.bot.id }, p.bot.name)],
        ['Instrument', p => p.instrument], ['Quantity', p => p.quantity, { num: true }],
        ['Average price', p => fmtNum(p.averagePrice), { num: true }], ['Last close', p => fmtNum(p.lastClose), { num: true }],
        ['Realized', p => pnl(p.realizedPnl), { num: true }]], books.flat(), 'no open position.'));
  }

  async function loadBlocks() {
    const [page, counts] = await Promise.all([A.get('/api/risk/blocks?limit=10', { signal: s.signal }),
      A.get('/api/risk/blocks/counts', { signal: s.signal })]);
    clear(blocks, h('h2', { id: 'blk-title' }, 'Recent block events'),
      h('p', {}, `${counts.total} blocked orders`, Object.keys(counts.byRule).length ? ': ' : '',
        Object.entries(counts.byRule).map(([r, n]) => `${r} ${n}`).join(', ')),
      table('Latest refusals', [['Time', b => fmtTime(b.occurredAt)], ['Rule', b => b.rule],
        ['Instrument', b => b.instrument], ['Side', b => b.side], ['Quantity', b => b.quantity, { num: true }],
        ['Reason', b => b.refusals.map(r => r.reason).join('; ')]], page.items, 'no order refused.'));
  }

  let pending = null;
  async function refreshAll() {
    if (s.signal.aborted) return;
    try {
      await Promise.all([loadKill(), loadBlocks(), loadSummary().then(loadPositions)]);
      root.dataset.loaded = String(Date.now());
    } catch (e) { if (!s.signal.aborted) toast(e.message, true); }
  }
  const soon = () => { clearTimeout(pending); pending = setTimeout(refreshAll, 750); };
  await refreshAll();
  s.every(10000, () => loadKill().catch(() => {}));
  live.textContent = 'live: connected';
  A.stream('/api/orders/stream', soon, s.signal, true)
    .catch(e => { live.textContent = 'live: off (' + e.message + ')'; });
}

function fig(label, value) { return h('div', {}, h('dt', {}, label), h('dd', {}, value)); }
