import * as A from './api.js';
import { h, clear, table, field, fmtNum, fmtTime, badge } from './dom.js';
import * as C from './charts.js';
import { session, act, toast, showProblem } from './app.js';
import { TIMEFRAMES, toIso, instruments, candlePath, timeframeMillis } from './forms.js';

const UNFINISHED = ['queued', 'running'];
/** Why a download stopped or waits, else what it found: the venue lacks some, or they were all there already. */
const noteOf = j => j.failure || j.note || [j.missingOnVenue ? `${j.missingOnVenue} not on the venue` : null,
  j.duplicates ? `${j.duplicates} already stored` : null].filter(Boolean).join('; ');

export async function market(s, root) {
  const live = h('section', { class: 'card', 'aria-labelledby': 'live-title' });
  const inst = h('section', { class: 'card', 'aria-labelledby': 'inst-title' });
  const data = h('section', { class: 'card', 'aria-labelledby': 'ds-title' });
  const dl = h('section', { class: 'card', 'aria-labelledby': 'dl-title' });
  const imp = h('section', { class: 'card', 'aria-labelledby': 'imp-title' });
  const gaps = h('section', { class: 'card', 'aria-labelledby': 'gaps-title' });
  clear(root, h('h1', {}, 'Market data'), live, inst, data, dl, imp, gaps);
  const list = await instruments();
  const ids = list.map(i => i.id);
  // instruments may be typed (a download defines a pair the venue lists and the catalog lacks); the catalog suggests
  const suggestions = h('datalist', { id: 'instrument-ids' }, ids.map(id => h('option', { value: id })));
  root.append(suggestions);
  clear(inst, h('h2', { id: 'inst-title' }, 'Instruments'), table(`${list.length} instruments`, [
    ['Instrument', i => i.id], ['Tick', i => i.tickSize, { num: true }], ['Step', i => i.stepSize, { num: true }],
    ['Listing', i => i.listing ? i.listing.status : '—'],
    ['Live feeds', i => (i.liveFeeds || []).map(f => `${f.timeframe} ${f.fresh ? 'fresh' : 'stale'}`).join(', ') || '—']], list,
    'none yet. Download candles from a venue below (the built-in simulated venue SIM serves SIM:BTC/USDT and '
      + 'SIM:ETH/USDT without internet) and the pair is added; or an admin imports shared data.'));
  livePrices(s, live, ids);
  const loadData = async () => {
    const [ds, jobs] = await Promise.all([A.get('/api/marketdata/datasets', { signal: s.signal }), A.get('/api/marketdata/imports?limit=20', { signal: s.signal })]);
    clear(data, h('h2', { id: 'ds-title' }, 'Your stored candles'), h('p', {}, `${ds.stored} of at most ${ds.limit} candles`),
      table('Datasets', [['Instrument', d => d.instrument], ['Timeframe', d => d.timeframe], ['Candles', d => d.candles, { num: true }],
        ['First', d => fmtTime(d.first)], ['Last', d => fmtTime(d.last)]], ds.datasets,
        'none of your own yet. Upload a file below; candles downloaded from venues are shared and not counted here.'));
    importsTable.replaceChildren(table('Imports', [['Created', j => fmtTime(j.createdAt)], ['Instrument', j => `${j.instrument} ${j.timeframe}`],
      ['Source', j => j.source], ['Status', j => badge(j.status)], ['Rows', j => `${j.rowsDone}/${j.rowsTotal ?? '?'}`, { num: true }],
      ['Inserted', j => j.inserted, { num: true }], ['Problem', j => j.failure || (j.errors || []).slice(0, 3).map(e => e.message || JSON.stringify(e)).join('; ')]], jobs.items,
      'none yet.'));
  };
  const importsTable = h('div');
  // upload with progress (bytes sent, then the job's rows)
  const fields = {};
  const instrument = fields.instrument = field('Instrument', { name: 'instrument', list: 'instrument-ids', required: true, autocomplete: 'off',
    value: ids[0] || '', placeholder: 'BINANCE:BTC/USDT' }, 'VENUE:BASE/QUOTE, one of the catalog');
  const timeframe = fields.timeframe = field('Timeframe', { name: 'timeframe', options: TIMEFRAMES, value: '1m' });
  const format = fields.format = field('Format', { name: 'format', options: [{ value: 'binance', label: 'Binance klines' }, { value: 'csv', label: 'CSV timestamp,open,high,low,close,volume' }] });
  const file = fields.file = field('File (CSV or zip)', { type: 'file', name: 'file', accept: '.csv,.zip', required: true });
  const bar = h('progress', { max: '1', value: '0', 'aria-label': 'Upload progress' });
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const form = h('form', { 'aria-labelledby': 'imp-title' }, h('div', { class: 'row' }, instrument, timeframe, format, file), bar, problem,
    h('button', { type: 'submit' }, 'Upload'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    if (!file.input.files.length) return;
    const body = new FormData();
    body.append('file', file.input.files[0]);
    const xhr = new XMLHttpRequest();
    const q = new URLSearchParams({ instrument: instrument.input.value.trim(), timeframe: timeframe.input.value, format: format.input.value });
    xhr.open('POST', '/api/marketdata/imports?' + q);
    xhr.setRequestHeader('Authorization', 'Bearer ' + A.tokens().access);
    bar.value = 0;
    xhr.upload.onprogress = e => { if (e.lengthComputable) bar.value = e.loaded / e.total; };
    xhr.onload = () => {
      if (xhr.status === 202) { bar.value = 1; toast('Upload received; importing'); showProblem(problem, null, fields); loadData(); }
      else { let p = null; try { p = JSON.parse(xhr.responseText); } catch { /* not JSON */ } showProblem(problem, new A.ApiError(xhr.status, p), fields); }
    };
    xhr.onerror = () => showProblem(problem, new Error('The upload did not reach the server (connection lost?).'), fields);
    xhr.send(body);
  });
  clear(imp, h('h2', { id: 'imp-title' }, 'Imports'), session.canAct ? form : null, importsTable);
  await downloads(s, dl, loadData);
  // gaps of one instrument over a range
  const gi = field('Instrument', { name: 'gap-instrument', list: 'instrument-ids', required: true, autocomplete: 'off', value: ids[0] || '' });
  const gt = field('Timeframe', { name: 'gap-timeframe', options: TIMEFRAMES, value: '1m' });
  const gf = field('From (UTC)', { type: 'datetime-local', name: 'gap-from', required: true });
  const gto = field('To (UTC)', { type: 'datetime-local', name: 'gap-to', required: true });
  const gout = h('div', { tabindex: '-1' });
  const gform = h('form', { 'aria-labelledby': 'gaps-title' }, h('div', { class: 'row' }, gi, gt, gf, gto), h('button', { type: 'submit' }, 'Find gaps'), gout);
  gform.addEventListener('submit', async ev => {
    ev.preventDefault();
    const path = candlePath(gi.input.value.trim());
    if (!path) { showProblem(gout, new Error('Instrument: write it as VENUE:BASE/QUOTE, e.g. SIM:BTC/USDT.')); return; }
    try {
      const g = await A.get(`${path}/gaps?timeframe=${gt.input.value}&from=${toIso(gf.input.value)}&to=${toIso(gto.input.value)}`);
      clear(gout, h('p', {}, `${g.missing} candles missing`), table('Gaps', [['Start', x => fmtTime(x.start)], ['End', x => fmtTime(x.end)], ['Missing', x => x.missing, { num: true }]], g.gaps, 'no gap.'));
    } catch (e) { showProblem(gout, e); }
  });
  clear(gaps, h('h2', { id: 'gaps-title' }, 'Gaps'), gform);
  await loadData();
  s.every(3000, () => loadData().catch(() => {}));
}

/**
 * Downloads from venues: a form, the caller's downloads with a progress bar each, and for every unfinished one its
 * event stream (the job twice a second until it ends) moving its bar in place; cancel for queued and running ones.
 */
async function downloads(s, box, onFinished) {
  const rows = new Map();        // job id -> the cells a stream updates in place
  const followed = new Set();
  const listBox = h('div');
  const fields = {};
  const f = (name, ...args) => (fields[name] = field(...args));
  const instrument = f('instrument', 'Instrument', { name: 'dl-instrument', list: 'instrument-ids', required: true, autocomplete: 'off',
    placeholder: 'SIM:BTC/USDT', value: 'SIM:BTC/USDT' }, 'VENUE:BASE/QUOTE; a pair the venue lists is added to the catalog');
  const timeframe = f('timeframe', 'Timeframe', { name: 'dl-timeframe', options: TIMEFRAMES, value: '1h' });
  const from = f('from', 'From (UTC)', { type: 'datetime-local', name: 'dl-from', required: true,
    value: new Date(Date.now() - 7 * 86400000).toISOString().slice(0, 11) + '00:00' });
  const to = f('to', 'To (UTC)', { type: 'datetime-local', name: 'dl-to' }, 'empty: up to now');
  const fillGaps = f('fillGaps', 'Only the gaps', { type: 'checkbox', name: 'dl-fill-gaps' }, 'fetch only what is missing in the range');
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const form = h('form', { 'aria-labelledby': 'dl-title', novalidate: true },
    h('div', { class: 'row' }, instrument, timeframe, from, to, fillGaps), problem, h('button', { type: 'submit' }, 'Download'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = { instrument: instrument.input.value.trim(), timeframe: timeframe.input.value, from: toIso(from.input.value),
      fillGaps: fillGaps.input.checked };
    if (to.input.value) body.to = toIso(to.input.value);
    try {
      const job = await A.post('/api/marketdata/downloads', body);
      showProblem(problem, null, fields);
      toast(job.status === 'queued' ? `Download of ${job.instrument} ${job.timeframe} started` : `Download of ${job.instrument} already ${job.status}`);
      await load();
    } catch (e) { showProblem(problem, e, fields); }
  });
  clear(box, h('h2', { id: 'dl-title' }, 'Downloads from venues'),
    h('p', { class: 'muted' }, 'Closed candles fetched page by page into the shared store (the venue’s own record, the same for everyone).'),
    session.canAct ? form : null, listBox);

  async function load() {
    const page = await A.get('/api/marketdata/downloads?limit=20', { signal: s.signal });
    rows.clear();
    listBox.replaceChildren(table(`Your latest ${page.items.length} of ${page.total} downloads`, [
      ['Created', j => fmtTime(j.createdAt)], ['Instrument', j => `${j.instrument} ${j.timeframe}${j.fillGaps ? ' (gaps)' : ''}`],
      ['Range', j => `${fmtTime(j.from)} → ${fmtTime(j.to)}`],
      ['Status', j => cell(j, 'status', badge(j.status))],
      ['Progress', j => cell(j, 'progress', progressOf(j))],
      ['Inserted', j => cell(j, 'inserted', String(j.inserted)), { num: true }],
      ['Note', j => cell(j, 'note', noteOf(j))],
      ...(session.canAct ? [['Actions', j => cell(j, 'actions', cancelButton(j))]] : [])],
      page.items, 'none yet. Choose an instrument, a timeframe and a start above, then Download.'));
    page.items.filter(j => UNFINISHED.includes(j.status)).forEach(follow);
  }

  function cell(job, key, content) {
    const el = h('span', { dataset: { job: job.id, cell: key } }, content);
    const r = rows.get(job.id) || {};
    r[key] = el;
    rows.set(job.id, r);
    return el;
  }

  function progressOf(j) {
    const done = j.rowsTotal ? j.rowsDone / j.rowsTotal : (j.status === 'completed' ? 1 : 0);
    return h('span', { class: 'progress-cell' },
      h('progress', { max: '1', value: String(Math.min(1, done)), 'aria-label': `Progress of the download of ${j.instrument} ${j.timeframe}` }),
      ` ${j.rowsDone}/${j.rowsTotal}`);
  }

  function cancelButton(j) {
    if (!UNFINISHED.includes(j.status)) return '';
    return h('button', { type: 'button', class: 'danger', 'aria-label': `Cancel the download of ${j.instrument} ${j.timeframe}`,
      onclick: async () => {
        const r = await act(() => A.post(`/api/marketdata/downloads/${j.id}/cancel`), 'Download canceled');
        if (r) update(r);
      } }, 'Cancel');
  }

  function update(j) {
    const r = rows.get(j.id);
    if (!r) return;
    if (r.status) clear(r.status, badge(j.status));
    if (r.progress) clear(r.progress, progressOf(j));
    if (r.inserted) r.inserted.textContent = String(j.inserted);
    if (r.note) r.note.textContent = noteOf(j);
    if (r.actions) clear(r.actions, cancelButton(j));
  }

  function follow(job) {
    if (followed.has(job.id)) return;
    followed.add(job.id);
    let last = job;
    A.stream(`/api/marketdata/downloads/${job.id}/events`, j => { last = j; update(j); }, s.signal)
      .catch(() => {})
      .finally(() => {
        followed.delete(job.id);
        if (s.signal.aborted) return;
        if (!UNFINISHED.includes(last.status)) { load().catch(() => {}); onFinished().catch(() => {}); }
        else setTimeout(() => load().catch(() => {}), 2000);   // the stream dropped: read the list again
      });
  }

  await load();
}

/**
 * Live prices: the closed candles of one instrument as its venue reports them (the candle stream), drawn as
 * candlesticks after the last hour of stored ones, with the latest close as a ticker.
 */
function livePrices(s, box, ids) {
  const sims = ids.filter(id => id.startsWith('SIM:'));
  const instrument = field('Instrument', { name: 'live-instrument', list: 'instrument-ids', autocomplete: 'off', required: true,
    value: sims.includes('SIM:BTC/USDT') ? 'SIM:BTC/USDT' : (sims[0] || ids[0] || 'SIM:BTC/USDT') }, 'SIM pairs need no internet');
  const timeframe = field('Timeframe', { name: 'live-timeframe', options: TIMEFRAMES, value: '1m' });
  const button = h('button', { type: 'submit' }, 'Watch');
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const price = h('strong', { id: 'live-price', class: 'ticker' }, '—');
  const info = h('span', { id: 'live-info', class: 'muted' }, 'not watching');
  const chartEl = h('div', { class: 'chart', id: 'live-chart', role: 'img', 'aria-label': 'Live candles of the watched instrument', hidden: true });
  const form = h('form', { 'aria-labelledby': 'live-title' }, h('div', { class: 'row' }, instrument, timeframe), problem, button);
  clear(box, h('h2', { id: 'live-title' }, 'Live prices'), form,
    h('p', { class: 'live-line' }, h('span', {}, 'Last close: '), price, ' ', info), chartEl);
  let watching = null;
  const stop = () => {
    if (watching) watching.abort();
    watching = null;
    button.textContent = 'Watch';
  };
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (watching) { stop(); info.textContent = 'stopped'; return; }
    const id = instrument.input.value.trim();
    const tf = timeframe.input.value;
    const path = candlePath(id);
    if (!path) { showProblem(problem, new Error('Instrument: write it as VENUE:BASE/QUOTE, e.g. SIM:BTC/USDT.')); return; }
    showProblem(problem, null);
    const ctl = new AbortController();
    watching = ctl;
    button.textContent = 'Stop';
    const signal = AbortSignal.any([s.signal, ctl.signal]);
    const byTime = new Map();
    let received = 0;
    const draw = () => {
      const list = [...byTime.values()].sort((a, b) => Date.parse(a.openTime) - Date.parse(b.openTime)).slice(-120);
      if (byTime.size > 240) { byTime.clear(); list.forEach(k => byTime.set(k.openTime, k)); }
      chartEl.hidden = false;
      C.liveCandles(chartEl, list, `${id} ${tf}`);
      chartEl.dataset.candles = String(list.length);
    };
    try {
      // the hour before the latest stored candle (the venue's clock, which for SIM may run faster than ours)
      const step = timeframeMillis(tf);
      const latest = await A.get(`${path}/latest?timeframe=${tf}`, { signal });
      const end = Date.parse(latest.candle.openTime);
      const recent = await A.get(`${path}?timeframe=${tf}&from=${new Date(end - 59 * step).toISOString()}`
        + `&to=${new Date(end + step).toISOString()}&limit=60`, { signal });
      recent.candles.forEach(k => byTime.set(k.openTime, k));
      if (byTime.size) draw();
    } catch (e) {
      if (signal.aborted) return;
      if (!(e instanceof A.ApiError && e.status === 404)) { stop(); showProblem(problem, e); return; }
    }
    info.textContent = 'connecting…';
    A.stream(`/api/marketdata/candles/stream?instrument=${encodeURIComponent(id)}&timeframe=${tf}`, ev => {
      if (ev.kind === 'status' && ev.feed) {
        info.textContent = `feed ${ev.feed.connected ? 'connected' : 'disconnected'}, ${ev.feed.fresh ? 'fresh' : 'stale'}; ${received} candles received`;
        return;
      }
      if (ev.price !== null && ev.price !== undefined) {
        price.textContent = fmtNum(ev.price, 8);
        price.dataset.updates = String(Number(price.dataset.updates || 0) + 1);
      }
      if (ev.candle) {
        if (ev.kind === 'candle') received++;
        byTime.set(ev.candle.openTime, ev.candle);
        info.textContent = `candle of ${fmtTime(ev.candle.openTime)}${ev.late ? ' (late)' : ''}; ${received} received live`;
        draw();
      }
    }, signal, true).catch(e => {
      if (signal.aborted) return;
      stop();
      info.textContent = 'not watching';
      showProblem(problem, e);
    });
  });
  s.signal.addEventListener('abort', stop);
}
