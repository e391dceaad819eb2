// The dashboard: a hash-routed single page over the JSON API (docs/dashboard.md). No inline script, no markup
// built from data (dom.js), the token in sessionStorage (api.js).
import * as A from './api.js';
import { h, clear, table, field, fmtNum, fmtPct, fmtTime, pnl, badge } from './dom.js';
import * as C from './charts.js';
import { overview } from './overview.js';
import { bots, botDetail } from './bots.js';
import { backtests, backtestDetail, sweepDetail } from './backtests.js';
import { accounts, admin } from './manage.js';
import { market } from './market.js';
import { notifications } from './notifications.js';

export const session = { me: null, get canAct() { return this.me && this.me.role !== 'viewer'; } };
const view = document.getElementById('view');
let scope = null;

/** What a page may keep going (streams, timers): all ended when the user leaves the page. */
function newScope() {
  if (scope) { scope.controller.abort(); scope.timers.forEach(clearInterval); }
  C.disposeAll();
  const controller = new AbortController();
  scope = { controller, signal: controller.signal, timers: [],
    every(ms, fn) { this.timers.push(setInterval(fn, ms)); } };
  return scope;
}

export function toast(text, error = false) {
  const t = document.getElementById('toast');
  t.className = error ? 'error' : '';
  t.textContent = text;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.textContent = ''; }, 6000);
}

/** The confirmation dialog; resolves to the reason (or '' when none asked), or null when cancelled. */
export function confirmAction(text, { reason = true, ok = 'Confirm' } = {}) {
  const dialog = document.getElementById('confirm');
  const input = document.getElementById('confirm-reason');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = ok;
  document.getElementById('confirm-reason-row').hidden = !reason;
  input.required = reason;
  input.value = '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' ? input.value.trim() : null);
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    (reason ? input : document.getElementById('confirm-ok')).focus();
  });
}

/** Runs an action of a button, showing the API's problem when it fails. */
export async function act(fn, done) {
  try {
    const r = await fn();
    if (done) toast(done);
    return r;
  } catch (e) {
    toast(e instanceof A.ApiError ? e.describe() : String(e), true);
    return undefined;
  }
}

/** Shows a form's problem: the message, each field error, and aria-invalid on the fields it names. */
export function showProblem(box, e, fields = {}) {
  Object.values(fields).forEach(f => f && f.input && f.input.removeAttribute('aria-invalid'));
  if (!e) { clear(box); return; }
  const errs = e instanceof A.ApiError ? e.problem.errors || [] : [];
  errs.forEach(err => { const f = fields[err.field]; if (f && f.input) f.input.setAttribute('aria-invalid', 'true'); });
  clear(box, h('p', {}, e.message), errs.length ? h('ul', {}, errs.map(err => h('li', {}, `${err.field}: ${err.reason}`))) : null);
  box.focus();
}

export function notFound(what) {
  return h('section', { class: 'notfound' }, h('h1', {}, 'Not found'), h('p', { role: 'alert' }, `${what} does not exist or is not yours.`),
    h('p', {}, h('a', { href: '#/overview' }, 'Back to the overview')));
}

function loginPage() {
  const email = field('E-mail', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const problem = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in'), email, password, problem,
    h('button', { type: 'submit' }, 'Log in'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await A.login(email.input.value.trim(), password.input.value);
      await loadMe();
      location.hash = '#/overview';
    } catch (e) { showProblem(problem, e); }
  });
  clear(view, form);
  email.input.focus();
}

async function loadMe() {
  session.me = await A.get('/api/me');
  document.getElementById('nav').hidden = false;
  document.getElementById('logout').hidden = false;
  document.getElementById('nav-admin').hidden = session.me.role !== 'admin';
  document.getElementById('who').textContent = `${session.me.email} (${session.me.role})`;
  document.body.dataset.role = session.me.role;
}

function loggedOut() {
  session.me = null;
  document.getElementById('nav').hidden = true;
  document.getElementById('logout').hidden = true;
  document.getElementById('who').textContent = '';
  delete document.body.dataset.role;
}

const routes = [
  [/^\/overview$/, () => overview],
  [/^\/bots$/, () => bots],
  [/^\/bots\/([\w-]+)$/, id => (s, root) => botDetail(s, root, id)],
  [/^\/backtests$/, () => backtests],
  [/^\/backtests\/([\w-]+)$/, id => (s, root) => backtestDetail(s, root, id)],
  [/^\/sweeps\/([\w-]+)$/, id => (s, root) => sweepDetail(s, root, id)],
  [/^\/market$/, () => market],
  [/^\/accounts$/, () => accounts],
  [/^\/admin$/, () => admin],
  [/^\/notifications$/, () => notifications],
];

async function route() {
  const path = (location.hash || '#/overview').slice(1);
  const s = newScope();
  if (!A.tokens()) { loggedOut(); loginPage(); return; }
  if (path === '/login') { location.hash = '#/overview'; return; }
  try {
    if (!session.me) await loadMe();
  } catch (e) { A.forget(); loggedOut(); loginPage(); return; }
  document.querySelectorAll('#nav a').forEach(a => a.setAttribute('aria-current',
    path.startsWith(a.getAttribute('href').slice(1)) ? 'page' : 'false'));
  for (const [re, make] of routes) {
    const m = path.match(re);
    if (m) {
      const page = make(m[1]);
      const root = h('div', { class: 'page' });
      clear(view, root);
      try {
        await page(s, root);
      } catch (e) {
        if (s.signal.aborted) return;
        if (e instanceof A.ApiError && e.status === 404) clear(root, notFound('This page'));
        else clear(root, h('p', { class: 'problem', role: 'alert' }, e instanceof A.ApiError ? e.describe() : String(e)));
      }
      view.focus({ preventScroll: true });
      return;
    }
  }
  clear(view, notFound('This page'));
}

document.getElementById('logout').addEventListener('click', async () => {
  await A.logout();
  loggedOut();
  location.hash = '#/login';
  route();
});
window.addEventListener('cryptobot:logged-out', () => { loggedOut(); location.hash = '#/login'; });
window.addEventListener('hashchange', route);
window.addEventListener('load', route);
