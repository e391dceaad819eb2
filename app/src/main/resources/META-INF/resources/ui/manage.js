import * as A from './api.js';
import { h, clear, table, field, fmtNum, fmtTime, badge } from './dom.js';
import { session, act, confirmAction, toast, showProblem } from './app.js';

export async function accounts(s, root) {
  const listBox = h('section', { class: 'card', 'aria-labelledby': 'acc-title' });
  const forms = h('div', { class: 'grid2' });
  const testOut = h('section', { class: 'card', 'aria-live': 'polite', id: 'conn-test' });
  clear(root, h('h1', {}, 'Accounts'), listBox, testOut, session.canAct ? forms : null);
  const load = async () => {
    const items = await A.all('/api/accounts', 200, { signal: s.signal });
    clear(listBox, h('h2', { id: 'acc-title' }, 'Paper accounts and venue connections'), table(`${items.length} accounts`, [
      ['Name', a => a.name], ['Kind', a => a.kind], ['Venue', a => a.venue],
      ['Starting balances', a => Object.entries(a.startingBalances || {}).map(([k, v]) => `${v} ${k}`).join(', ') || '—'],
      // the API masks a key ("****Wx9z") and never returns a secret or passphrase
      ['API key', a => a.apiKey || '—'], ['Passphrase', a => a.kind === 'paper' ? '—' : a.hasPassphrase ? 'set' : 'none'],
      ['Created', a => fmtTime(a.createdAt)],
      ...(session.canAct ? [['Actions', a => h('span', { class: 'actions' },
        a.kind !== 'paper' ? h('button', { type: 'button', 'aria-label': `Test ${a.name}`, onclick: async () => {
          const r = await act(() => A.post(`/api/accounts/${a.id}/test`));
          if (r) clear(testOut, h('h2', {}, `Test of ${a.name}: ${r.ok ? 'OK' : 'failed'}`),
            r.failure ? h('p', {}, `${r.failure.kind}: ${r.failure.message}`) : null,
            r.warnings.length ? h('ul', {}, r.warnings.map(w => h('li', {}, w))) : null,
            r.permissions ? h('p', {}, `read ${r.permissions.read}, trade ${r.permissions.trade}, withdraw ${r.permissions.withdraw}`) : null);
        } }, 'Test') : null,
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${a.name}`, onclick: async () => {
          if (await confirmAction(`Delete account “${a.name}”?`, { reason: false, ok: 'Delete' }) === null) return;
          await act(() => A.api('DELETE', '/api/accounts/' + a.id), 'Account deleted');
          load();
        } }, 'Delete'))]] : [])], items));
  };
  if (session.canAct) {
    const pf = {};
    const pname = pf.name = field('Name', { name: 'name', required: true });
    const pbal = pf.balances = field('Balances', { name: 'balances', value: 'USDT=10000', required: true }, 'ASSET=amount, comma separated');
    const pprob = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
    const paper = h('form', { class: 'card', 'aria-labelledby': 'paper-title' }, h('h2', { id: 'paper-title' }, 'New paper account'), pname, pbal, pprob,
      h('button', { type: 'submit' }, 'Create paper account'));
    paper.addEventListener('submit', async ev => {
      ev.preventDefault();
      const balances = Object.fromEntries(pbal.input.value.split(',').map(x => x.split('=').map(y => y.trim())).filter(x => x[0]));
      try { await A.post('/api/accounts/paper', { name: pname.input.value.trim(), balances }); paper.reset(); showProblem(pprob, null, pf); toast('Paper account created'); load(); }
      catch (e) { showProblem(pprob, e, pf); }
    });
    const cf = {};
    const cname = cf.name = field('Name', { name: 'name', required: true });
    const venue = cf.venue = field('Venue', { name: 'venue', options: ['BINANCE', 'OKX', 'COINBASE', 'KRAKEN', 'BYBIT'] });
    const key = cf.apiKey = field('API key', { name: 'apiKey', autocomplete: 'off', required: true });
    const secret = cf.secret = field('Secret', { type: 'password', name: 'secret', autocomplete: 'new-password', required: true }, 'Sent once, sealed on the server, never shown again');
    const pass = cf.passphrase = field('Passphrase (OKX)', { type: 'password', name: 'passphrase', autocomplete: 'new-password' });
    const cprob = h('div', { class: 'problem', role: 'alert', tabindex: '-1' });
    const conn = h('form', { class: 'card', 'aria-labelledby': 'conn-title' }, h('h2', { id: 'conn-title' }, 'New venue connection'), cname, venue, key, secret, pass, cprob,
      h('button', { type: 'submit' }, 'Add connection'));
    conn.addEventListener('submit', async ev => {
      ev.preventDefault();
      const body = { name: cname.input.value.trim(), venue: venue.input.value, apiKey: key.input.value.trim(), secret: secret.input.value, passphrase: pass.input.value || null };
      conn.reset();   // the secret leaves the page's inputs at once
      try { await A.post('/api/accounts/connections', body); showProblem(cprob, null, cf); toast('Connection added'); load(); }
      catch (e) { showProblem(cprob, e, cf); }
    });
    clear(forms, paper, conn);
  }
  await load();
}

export async function admin(s, root) {
  if (session.me.role !== 'admin') { clear(root, h('h1', {}, 'Admin'), h('p', { role: 'alert' }, 'Only admins manage users.')); return; }
  const box = h('section', { class: 'card', 'aria-labelledby': 'users-title' });
  clear(root, h('h1', {}, 'Admin'), box);
  const load = async () => {
    const users = await A.all('/api/admin/users', 1000, { signal: s.signal });
    clear(box, h('h2', { id: 'users-title' }, 'Users'), table(`${users.length} users`, [
      ['E-mail', u => u.email], ['Name', u => u.displayName || '—'], ['Created', u => fmtTime(u.createdAt)],
      ['Role', u => {
        const sel = field(`Role of ${u.email}`, { name: 'role', options: ['viewer', 'trader', 'admin'], value: u.role });
        sel.classList.add('inline');
        sel.input.disabled = u.id === session.me.id;
        sel.input.addEventListener('change', async () => {
          await act(() => A.api('PATCH', '/api/admin/users/' + u.id, { role: sel.input.value }), `${u.email} is now ${sel.input.value}`);
          load();
        });
        return sel;
      }],
      ['Enabled', u => u.enabled ? 'yes' : 'no'],
      ['Actions', u => u.id === session.me.id ? '—' : h('button', { type: 'button', class: u.enabled ? 'danger' : null,
        'aria-label': `${u.enabled ? 'Disable' : 'Enable'} ${u.email}`, onclick: async () => {
          if (await confirmAction(`${u.enabled ? 'Disable' : 'Enable'} ${u.email}? ${u.enabled ? 'Their sessions end at once.' : ''}`, { reason: false }) === null) return;
          await act(() => A.api('PATCH', '/api/admin/users/' + u.id, { enabled: !u.enabled }), 'Saved');
          load();
        } }, u.enabled ? 'Disable' : 'Enable')]], users));
  };
  await load();
}
