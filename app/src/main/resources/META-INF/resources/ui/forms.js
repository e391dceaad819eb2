import * as A from './api.js';
import { h, field } from './dom.js';

export const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'];

/** datetime-local value (UTC) <-> ISO instant */
export const toIso = v => v ? (v.length === 16 ? v + ':00Z' : v.endsWith('Z') ? v : v + 'Z') : null;
export const fromIso = s => s ? s.slice(0, 16) : '';
/** A datetime-local value (UTC) `days` days before now, on the hour: default ranges that the demo's last 30 days of candles cover. */
export const daysAgo = days => new Date(Date.now() - days * 86400000).toISOString().slice(0, 13) + ':00';

/**
 * The parameter fields of a strategy, generated from its declared type, default and range: integers and
 * decimals as number inputs with min/max/step, booleans as a yes/no choice. values() gives the API's map of
 * strings, leaving out empty optional ones (the strategy's default applies).
 */
export function strategyParams(strategy, fields, prefix = 'parameters.') {
  const box = h('fieldset', { class: 'params' }, h('legend', {}, `Parameters of ${strategy.id}`));
  const inputs = {};
  for (const p of strategy.parameters) {
    const hint = [p.description, p.min !== null || p.max !== null ? `range ${p.min ?? '−∞'} … ${p.max ?? '∞'}` : null,
      p.required ? 'required' : `default ${p.defaultValue}`].filter(Boolean).join('; ');
    let f;
    if (p.type === 'boolean') {
      f = field(p.name, { name: p.name, options: [{ value: '', label: `default (${p.defaultValue})` }, 'true', 'false'] }, hint);
    } else {
      f = field(p.name, { type: 'number', name: p.name, inputmode: p.type === 'integer' ? 'numeric' : 'decimal',
        step: p.type === 'integer' ? '1' : 'any', min: p.min ?? null, max: p.max ?? null,
        required: p.required ? true : null, placeholder: p.defaultValue ?? '', value: p.defaultValue ?? '' }, hint);
    }
    inputs[p.name] = f;
    fields[prefix + p.name] = f;
    box.append(f);
  }
  box.values = () => Object.fromEntries(Object.entries(inputs).map(([k, f]) => [k, f.input.value.trim()]).filter(([, v]) => v !== ''));
  return box;
}

let catalog = null;
export async function strategies() {
  catalog = catalog || A.all('/api/strategies', 200);
  return catalog;
}
export async function instruments() { return A.all('/api/marketdata/instruments', 2000); }

/** The candles path of an instrument id "VENUE:BASE/QUOTE", or null when it is not written so. */
export function candlePath(id) {
  const m = /^([A-Za-z0-9_]+):([A-Za-z0-9]+)\/([A-Za-z0-9]+)$/.exec(id || '');
  return m ? `/api/marketdata/candles/${m[1]}/${m[2]}/${m[3]}` : null;
}

const TF_MILLIS = { m: 60000, h: 3600000, d: 86400000, w: 604800000 };
/** Milliseconds of a timeframe code such as 1m, 4h, 1d. */
export const timeframeMillis = tf => Number(tf.slice(0, -1)) * TF_MILLIS[tf.slice(-1)];
