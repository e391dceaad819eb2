import * as A from './api.js';
import { h, clear, table, field, fmtNum, fmtTime, pnl, badge } from './dom.js';
import * as C from './charts.js';
import { session, act, toast, showProblem, notFound } from './app.js';
import { TIMEFRAMES, toIso, daysAgo, strategyParams, strategies, instruments } from './forms.js';
import { tradeColumns } from './bots.js';

const FINISHED = ['completed', 'failed', 'cancelled', 'interrupted'];
const OBJECTIVES = ['totalReturn', 'cagr', 'sharpe', 'sortino', 'calmar', 'maxDrawdown', 'winRate', 'profitFactor', 'expectancy', 'netPnl'];

export async function backtests(s, root) {
  const runs = h('section', { class: 'card', 'aria-labelledby': 'runs-title' });
  const sweeps = h('section', { class: 'card', 'aria-labelledby': 'sweeps-title' });
  const form = h('section', { class: 'card', 'aria-labelledby': 'new-bt-title' });
  clear(root, h('h1', {}, 'Backtests'), session.canAct ? form : null, runs, sweeps);
  if (session.canAct) await runForm(form);
  const [r, sw] = await Promise.all([A.get('/api/backtests?limit=50', { signal: s.signal }), A.get('/api/backtests/sweeps?limit=50', { signal: s.signal })]);
  clear(runs, h('h2', { id: 'runs-title' }, 'Runs'), table(`Latest of ${r.total} runs`, [
    ['Run', b => h('a', { href: '#/backtests/' + b.id }, `${b.strategy} ${b.instruments.join(',')}`)],
    ['Range', b => `${fmtTime(b.from)} → ${fmtTime(b.to)}`], ['Status', b => badge(b.status)],
    ['Progress', b => pctText(b.progress), { num: true }], ['Created', b => fmtTime(b.createdAt)]], r.items,
    session.canAct ? 'none yet. Choose a strategy, an instrument with stored candles (Market data) and a range above, then Start.' : 'none yet.'));
  clear(sweeps, h('h2', { id: 'sweeps-title' }, 'Sweeps'), table(`Latest of ${sw.total} sweeps`, [
    ['Sweep', x => h('a', { href: '#/sweeps/' + x.id }, `${x.kind} ${x.strategy} by ${x.objective}`)],
    ['Points', x => `${x.pointsDone}/${x.pointsTotal}`, { num: true }], ['Status', x => badge(x.status)],
    ['Created', x => fmtTime(x.createdAt)]], sw.items));
}

const pctText = p => p === null ? '—' : (Number(p) * 100).toFixed(0) + ' %';

async function runForm(box) {
  const [cat, insts] = await Promise.all([strategies(), instruments()]);
  const fields = {};
  const f = (name, ...args) => (fields[name] = field(...args));
  const mode = field('Kind', { name: 'kind', options: [{ value: 'run', label: 'one run' }, { value: 'grid', label: 'sweep: grid' },
    { value: 'random', label: 'sweep: random' }, { value: 'walk_forward', label: 'sweep: walk-forward' }] });
  const strategy = f('strategy', 'Strategy', { name: 'strategy', options: cat.map(c => c.id) });
  const instrument = f('instruments', 'Instrument', { name: 'instrument', options: insts.map(i => i.id) });
  const timeframe = f('timeframe', 'Timeframe', { name: 'timeframe', options: TIMEFRAMES, value: '1m' });
  const from = f('from', 'From (UTC)', { type: 'datetime-local', name: 'from', required: true, value: daysAgo(3) });
  const to = f('to', 'To (UTC)', { type: 'datetime-local', name: 'to', required: true, value: daysAgo(1) });
  const cash = f('startingCash', 'Starting cash', { type: 'number', name: 'startingCash', step: 'any', min: 0, value: '10000' });
  const takerFee = f('takerFee', 'Taker fee', { type: 'number', name: 'takerFee', step: 'any', min: 0, value: '0.001' });
  const slippage = f('slippageBps', 'Slippage (bps)', { type: 'number', name: 'slippageBps', step: 'any', min: 0, value: '0' });
  const params = h('div');
  // sweep: per parameter a list of values ("5,10,20") or a range "min:max:step"
  const space = h('fieldset', { class: 'params', hidden: true });
  const objective = field('Objective', { name: 'objective', options: OBJECTIVES, value: 'totalReturn' });
  const samples = field('Samples (random)', { type: 'number', name: 'samples', min: 1, value: '20' });
  const wf = [field('In-sample (ISO duration)', { name: 'inSample', value: 'P1D' }), field('Out-of-sample', { name: 'outOfSample', value: 'PT6H' })];
  const sweepOpts = h('div', { class: 'row', hidden: true }, objective, samples, ...wf);
  const spaceInputs = {};
  const render = () => {
    const st = cat.find(c => c.id === strategy.input.value);
    Object.keys(fields).filter(k => k.startsWith('parameters.') || k.startsWith('space.')).forEach(k => delete fields[k]);
    clear(params, strategyParams(st, fields));
    clear(space, h('legend', {}, 'Parameter space (values "5,10,20" or range "min:max:step"; empty keeps the base value)'));
    for (const p of st.parameters.filter(p => p.type !== 'boolean')) {
      const sf = field(`${p.name} values`, { name: 'space-' + p.name, placeholder: p.type === 'integer' ? '5:20:5' : '0.5,1,2' });
      spaceInputs[p.name] = sf; fields['space.' + p.name] = sf; space.append(sf);
    }
    const sweeping = mode.input.value !== 'run';
    space.hidden = !sweeping; sweepOpts.hidden = !sweeping;
  };
  strategy.input.addEventListener('change', render);
  mode.input.addEventListener('change', render);
  render();
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const form = h('form', { 'aria-labelledby': 'new-bt-title', novalidate: true },
    h('div', { class: 'row' }, mode, strategy, instrument, timeframe), params,
    h('div', { class: 'row' }, from, to, cash, takerFee, slippage), space, sweepOpts, problem,
    h('button', { type: 'submit' }, 'Start'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const base = { strategy: strategy.input.value, parameters: params.firstChild.values(),
      instruments: [instrument.input.value], timeframe: timeframe.input.value, from: toIso(from.input.value),
      to: toIso(to.input.value), startingCash: cash.input.value || null, takerFee: takerFee.input.value || null,
      slippageBps: slippage.input.value || null };
    try {
      if (mode.input.value === 'run') {
        const run = await A.post('/api/backtests', base);
        location.hash = '#/backtests/' + run.id;
      } else {
        const sp = {};
        for (const [k, sf] of Object.entries(spaceInputs)) {
          const v = sf.input.value.trim();
          if (!v) continue;
          const m = v.split(':');
          sp[k] = m.length === 3 ? { min: m[0], max: m[1], step: m[2] } : { values: v.split(',').map(x => x.trim()) };
        }
        const body = { kind: mode.input.value, backtest: base, space: sp, objective: objective.input.value };
        if (mode.input.value === 'random') body.samples = Number(samples.input.value);
        if (mode.input.value === 'walk_forward') body.walkForward = { inSample: wf[0].input.value, outOfSample: wf[1].input.value };
        const sw = await A.post('/api/backtests/sweeps', body);
        location.hash = '#/sweeps/' + sw.id;
      }
    } catch (e) {
      // a sweep names the base fields backtest.x: show them on the same inputs
      if (e instanceof A.ApiError) (e.problem.errors || []).forEach(x => { x.field = x.field.replace(/^backtest\./, ''); });
      showProblem(problem, e, fields);
    }
  });
  clear(box, h('h2', { id: 'new-bt-title' }, 'New backtest or sweep'), form);
}

function progressBar(label, id) {
  const bar = h('progress', { id, max: '1', value: '0', 'aria-label': label });
  const text = h('span', { class: 'muted' }, '');
  return { el: h('div', { class: 'progress' }, bar, text), set(p, note) {
    bar.value = Number(p || 0); bar.setAttribute('value', String(Number(p || 0)));
    text.textContent = ` ${pctText(p || 0)} ${note || ''}`;
  } };
}

export async function backtestDetail(s, root, id) {
  let run;
  try { run = await A.get('/api/backtests/' + id, { signal: s.signal }); } catch (e) {
    if (e instanceof A.ApiError && (e.status === 404 || e.status === 400)) { clear(root, notFound('This backtest')); return; }
    throw e;
  }
  const bar = progressBar('Backtest progress', 'bt-progress');
  const status = h('span', { id: 'bt-status' });
  const results = h('div');
  clear(root, h('div', { class: 'head' }, h('h1', {}, `Backtest ${run.strategy} ${run.instruments.join(', ')}`), status),
    h('p', { class: 'muted' }, `${run.timeframe} ${fmtTime(run.from)} → ${fmtTime(run.to)}; parameters `,
      Object.entries(run.parameters).map(([k, v]) => `${k}=${v}`).join(', ') || 'defaults'),
    bar.el, results);
  const show = r => {
    run = r;
    clear(status, badge(r.status), r.failure ? ' ' + r.failure : '');
    bar.set(r.progress, r.status === 'storing' ? `storing ${r.rowsStored}/${r.rowsTotal}` : r.etaSeconds ? `ETA ${r.etaSeconds} s` : '');
  };
  show(run);
  if (!FINISHED.includes(run.status)) {
    await A.stream(`/api/backtests/${id}/events`, show, s.signal);
    show(await A.get('/api/backtests/' + id, { signal: s.signal }));
  }
  if (run.status !== 'completed') return;
  const [report, equity, trades] = await Promise.all([A.get(`/api/backtests/${id}/report`, { signal: s.signal }),
    A.get(`/api/backtests/${id}/equity?points=1000`, { signal: s.signal }), A.get(`/api/backtests/${id}/trades?limit=500`, { signal: s.signal })]);
  const chartEl = h('div', { class: 'chart tall', id: 'bt-equity', role: 'img', 'aria-label': 'Equity and drawdown of the run' });
  clear(results,
    h('section', { class: 'card' }, h('h2', {}, 'Report'), reportTable(report)),
    h('section', { class: 'card' }, h('h2', {}, 'Equity and drawdown'), chartEl),
    h('section', { class: 'card' }, h('h2', {}, 'Trades'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => act(() => A.download(`/api/backtests/${id}/trades.csv`, `backtest-${id}-trades.csv`)) }, 'Download trades CSV'),
        h('button', { type: 'button', onclick: () => act(() => A.download(`/api/backtests/${id}/equity.csv`, `backtest-${id}-equity.csv`)) }, 'Download equity CSV')),
      table(`${trades.items.length} of ${trades.total} trades`, tradeColumns, trades.items)));
  C.equityDrawdown(chartEl, equity.points);
  root.dataset.loaded = String(Date.now());
}

function reportTable(r) {
  const m = r.metrics;
  const pct = v => v === null ? '—' : (Number(v) * 100).toFixed(2) + ' %';
  const rows = [['Starting cash', fmtNum(r.startingCash)], ['Final equity', fmtNum(r.finalEquity)], ['Net P&L', pnl(r.netPnl)],
    ['Total return', pct(m.totalReturn)], ['CAGR', pct(m.cagr)], ['Sharpe', fmtNum(m.sharpe)], ['Sortino', fmtNum(m.sortino)],
    ['Calmar', fmtNum(m.calmar)], ['Max drawdown', pct(m.maxDrawdown)], ['Max drawdown duration', `${m.maxDrawdownDurationSeconds ?? '—'} s`],
    ['Win rate', pct(m.winRate)], ['Profit factor', fmtNum(m.profitFactor)], ['Expectancy', fmtNum(m.expectancy)],
    ['Exposure', pct(m.exposure)], ['Trades', m.tradeCount], ['Orders / fills', `${r.orders} / ${r.fills}`],
    ['Fees', Object.entries(r.feesPaid).map(([k, v]) => `${fmtNum(v)} ${k}`).join(', ')], ['VaR 95 / CVaR 95', `${pct(m.var95)} / ${pct(m.cvar95)}`],
    ['Annualised figures', m.annualisedMeaningful ? 'meaningful' : m.annualisedNote]];
  return h('table', { class: 'kv', id: 'bt-report' }, h('caption', {}, 'Metrics'),
    h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

export async function sweepDetail(s, root, id) {
  let sw;
  try { sw = await A.get('/api/backtests/sweeps/' + id, { signal: s.signal }); } catch (e) {
    if (e instanceof A.ApiError && (e.status === 404 || e.status === 400)) { clear(root, notFound('This sweep')); return; }
    throw e;
  }
  const bar = progressBar('Sweep progress', 'sweep-progress');
  const status = h('span');
  const results = h('div');
  clear(root, h('div', { class: 'head' }, h('h1', {}, `Sweep (${sw.kind}) ${sw.strategy} by ${sw.objective}`), status), bar.el, results);
  const show = x => { sw = x; clear(status, badge(x.status), x.failure ? ' ' + x.failure : ''); bar.set(x.progress, `${x.pointsDone}/${x.pointsTotal} points`); };
  show(sw);
  if (!FINISHED.includes(sw.status)) {
    await A.stream(`/api/backtests/sweeps/${id}/events`, show, s.signal);
    show(await A.get('/api/backtests/sweeps/' + id, { signal: s.signal }));
  }
  if (sw.status !== 'completed') return;
  const res = await A.get(`/api/backtests/sweeps/${id}/results`, { signal: s.signal });
  const names = Object.keys(sw.space);
  const parts = [];
  const defined = res.ranked.filter(p => p.objective !== null).length;
  if (names.length === 2 && !defined) {
    parts.push(h('p', { class: 'muted' }, `No heat map: ${sw.objective} is undefined at every point (see the report's annualisedNote).`));
  } else if (names.length === 2) {
    const heat = h('div', { class: 'chart tall', id: 'sweep-heatmap', role: 'img', 'aria-label': `Heat map of ${sw.objective}` });
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Heat map'), heat));
    requestAnimationFrame(() => C.heatmap(heat, names[0], names[1], res.ranked.map(p => ({ x: p.parameters[names[0]], y: p.parameters[names[1]],
      v: p.objective === null ? null : Number(p.objective) })), sw.objective));
  }
  parts.push(h('section', { class: 'card' }, h('h2', {}, 'Ranked points'),
    h('p', {}, `${res.ranked.length} points, ${res.skipped} skipped; ${res.maximize ? 'highest' : 'lowest'} ${res.objective} first`),
    table('Ranked by the objective', [['Rank', p => p.rank, { num: true }],
      ['Parameters', p => Object.entries(p.parameters).map(([k, v]) => `${k}=${v}`).join(', ')],
      [res.objective, p => fmtNum(p.objective, 4), { num: true }], ['Net P&L', p => pnl(p.report.netPnl), { num: true }],
      ['Trades', p => p.report.trades, { num: true }], ['Max drawdown', p => fmtNum(Number(p.report.metrics.maxDrawdown) * 100) + ' %', { num: true }]],
      res.ranked.slice(0, 200))));
  if (res.windows.length) {
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Walk-forward windows'),
      res.outOfSample ? h('p', {}, `Out of sample over ${res.outOfSample.windows} windows: compounded return ${fmtNum(Number(res.outOfSample.compoundedReturn) * 100)} %, ${res.outOfSample.trades} trades, worst drawdown ${fmtNum(Number(res.outOfSample.worstDrawdown) * 100)} %`) : null,
      table('In-sample beside out-of-sample', [['In sample', w => `${fmtTime(w.inSampleFrom)} → ${fmtTime(w.inSampleTo)}`],
        ['Best parameters', w => Object.entries(w.bestParameters).map(([k, v]) => `${k}=${v}`).join(', ')],
        ['In-sample objective', w => fmtNum(w.inSampleObjective, 4), { num: true }],
        ['In-sample net P&L', w => pnl(w.inSample && w.inSample.netPnl), { num: true }],
        ['Out of sample', w => `${fmtTime(w.outOfSampleFrom)} → ${fmtTime(w.outOfSampleTo)}`],
        ['Out-of-sample net P&L', w => pnl(w.outOfSample && w.outOfSample.netPnl), { num: true }],
        ['Out-of-sample trades', w => w.outOfSample ? w.outOfSample.trades : '—', { num: true }]], res.windows)));
  }
  clear(results, parts);
  root.dataset.loaded = String(Date.now());
}
