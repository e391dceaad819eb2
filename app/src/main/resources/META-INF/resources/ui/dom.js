// Small DOM helpers: every text goes through textContent (never innerHTML), so no data becomes markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}
export function clear(el, ...children) { el.replaceChildren(); append(el, children); return el; }

/** A table with a caption; columns: [header, item => cell, {num: true}] */
export function table(caption, columns, items, empty = 'None yet.') {
  if (!items || !items.length) return h('p', { class: 'empty' }, caption + ': ' + empty);
  return h('div', { class: 'scroll' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c[2] && c[2].num ? 'num' : null }, c[0])))),
    h('tbody', {}, items.map(item => h('tr', {}, columns.map(c => h('td', { class: c[2] && c[2].num ? 'num' : null }, c[1](item))))))));
}

let fieldSeq = 0;
/** A labelled input; returns the wrapper, the input is wrapper.input. */
export function field(label, attrs = {}, hint) {
  const id = attrs.id || ('f' + (++fieldSeq));
  const hintId = hint ? id + '-hint' : null;
  const input = attrs.options
    ? h('select', { id, name: attrs.name, required: attrs.required }, attrs.options.map(o =>
        h('option', { value: o.value ?? o, selected: (o.value ?? o) === attrs.value ? true : null }, o.label ?? o)))
    : h('input', { id, 'aria-describedby': hintId, ...attrs, options: null });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('small', { id: hintId }, hint) : null);
  wrap.input = input;
  return wrap;
}

export function fmtNum(s, digits = 2) {
  if (s === null || s === undefined || s === '') return '—';
  const n = Number(s);
  if (!isFinite(n)) return String(s);
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) });
}
export function fmtPct(s) {
  if (s === null || s === undefined) return '—';
  return (Number(s) * 100).toFixed(2) + ' %';
}
export function fmtTime(s) {
  if (!s) return '—';
  return s.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
export function pnl(s) {
  const n = Number(s);
  return h('span', { class: n > 0 ? 'pos' : n < 0 ? 'neg' : null }, fmtNum(s));
}
export function badge(status) { return h('span', { class: 'badge b-' + status }, status); }
