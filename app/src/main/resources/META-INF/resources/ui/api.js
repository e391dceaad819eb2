// The JSON API with the user's bearer token. Tokens live in sessionStorage (never in a cookie), so another site
// cannot ride the session (no CSRF); the page never sees any other secret.
const KEY = 'cryptobot.tokens';

export function tokens() {
  try { return JSON.parse(sessionStorage.getItem(KEY)); } catch { return null; }
}
function keep(t) {
  sessionStorage.setItem(KEY, JSON.stringify({ access: t.accessToken, refresh: t.refreshToken }));
}
export function forget() { sessionStorage.removeItem(KEY); }

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
  /** Every field error on one line each, for a form's error box. */
  describe() {
    const errs = (this.problem.errors || []).map(e => `${e.field}: ${e.reason}`);
    return [this.message, ...errs].join('\n');
  }
}

export async function login(email, password) {
  const r = await fetch('/api/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password })
  });
  if (!r.ok) throw new ApiError(r.status, await body(r));
  keep(await r.json());
}

export async function logout() {
  const t = tokens();
  forget();
  if (t) {
    await fetch('/api/auth/logout', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: t.refresh })
    }).catch(() => {});
  }
}

let refreshing = null;
async function refresh() {
  const t = tokens();
  if (!t) return false;
  refreshing = refreshing || fetch('/api/auth/refresh', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: t.refresh })
  }).then(async r => { if (!r.ok) { forget(); return false; } keep(await r.json()); return true; })
    .finally(() => { refreshing = null; });
  return refreshing;
}

async function body(r) {
  const type = r.headers.get('Content-Type') || '';
  if (type.includes('json')) return r.json().catch(() => null);
  return null;
}

/** A request with the access token; a 401 refreshes once and retries. Throws ApiError on any other failure. */
export async function raw(method, path, payload, opts = {}) {
  for (let attempt = 0; ; attempt++) {
    const t = tokens();
    if (!t) throw new ApiError(401, { title: 'Not logged in' });
    const headers = { Authorization: 'Bearer ' + t.access, ...(opts.headers || {}) };
    let data = payload;
    if (payload !== undefined && payload !== null && !(payload instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      data = JSON.stringify(payload);
    }
    const r = await fetch(path, { method, headers, body: data, signal: opts.signal });
    if (r.status === 401 && attempt === 0 && await refresh()) continue;
    if (r.status === 401) { forget(); window.dispatchEvent(new Event('cryptobot:logged-out')); }
    if (!r.ok) throw new ApiError(r.status, await body(r));
    return r;
  }
}

export async function api(method, path, payload, opts) {
  const r = await raw(method, path, payload, opts);
  if (r.status === 204) return null;
  return (r.headers.get('Content-Type') || '').includes('json') ? r.json() : r.text();
}
export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, payload, opts) => api('POST', path, payload === undefined ? null : payload, opts);

/**
 * Server-sent events read through fetch (EventSource cannot send an Authorization header): calls onEvent with
 * each event's parsed JSON until the stream ends or the signal aborts; reconnects after a dropped connection
 * when reconnect is set.
 */
export async function stream(path, onEvent, signal, reconnect = false) {
  while (!signal.aborted) {
    try {
      const r = await raw('GET', path, undefined, { signal, headers: { Accept: 'text/event-stream' } });
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
          if (data) { try { onEvent(JSON.parse(data)); } catch (e) { console.warn('bad event', e); } }
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      if (e instanceof ApiError && e.status !== 503 && e.status !== 429) throw e;
    }
    if (!reconnect) return;
    await new Promise(res => setTimeout(res, 2000));
  }
}

/** Downloads an authenticated CSV as a file. */
export async function download(path, filename) {
  const r = await raw('GET', path);
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement('a');
  a.href = url; a.download = filename;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Every item of a paged list (up to max). */
export async function all(path, max = 1000, opts) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let offset = 0; offset < max;) {
    const page = await get(`${path}${sep}offset=${offset}&limit=${Math.min(100, max - offset)}`, opts);
    items.push(...page.items);
    offset += page.items.length;
    if (!page.items.length || offset >= page.total) break;
  }
  return items;
}
