// Who is signed in on a page. In Development the API mints tokens (/api/dev/tokens); elsewhere a
// token from the identity provider is pasted in. Each page remembers its own session in the browser.
import { api } from './api.js';
import { t } from './i18n.js';

export class Session {
  constructor(page, roles) {
    this.storageKey = `flashsale.session.${page}`;
    this.roles = roles;
    const saved = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null');
    if (saved && new Date(saved.expiresAt) > new Date()) {
      Object.assign(this, saved);
    }
  }

  get signedIn() { return Boolean(this.token); }

  async signIn(userId, role, tier) {
    const minted = await api('/api/dev/tokens', { method: 'POST', body: { userId, roles: [role], tier } });
    this.remember({ userId, role, tier, token: minted.token, expiresAt: minted.expiresAt });
  }

  // A token from elsewhere: its subject and expiry are read from it; the server still checks it.
  usePastedToken(token) {
    let claims;
    try {
      claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch {
      throw new Error(t('common.notAToken'));
    }
    const role = [claims.role].flat().find(r => this.roles.includes(r)) ?? [claims.role].flat()[0];
    this.remember({ userId: claims.sub, role, tier: claims.tier, token, expiresAt: new Date(claims.exp * 1000).toISOString() });
  }

  signOut() {
    localStorage.removeItem(this.storageKey);
    for (const key of ['userId', 'role', 'tier', 'token', 'expiresAt']) delete this[key];
  }

  remember(values) {
    Object.assign(this, values);
    localStorage.setItem(this.storageKey, JSON.stringify(values));
  }
}

// The sign-in form in a page's header: a user id and, where the page allows several, a role.
export function bindSignIn(session, root, onChange) {
  const form = root.querySelector('form.signin');
  const signedIn = root.querySelector('.signed-in');
  const render = () => {
    form.hidden = session.signedIn;
    signedIn.hidden = !session.signedIn;
    signedIn.querySelector('.who').textContent = session.signedIn
      ? `${session.userId} (${[session.role && t(`role.${session.role}`), session.tier].filter(Boolean).join(', ')})` : '';
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    const error = form.querySelector('.message');
    error.textContent = '';
    try {
      const pasted = String(data.get('token') ?? '').trim();
      const userId = String(data.get('userId') ?? '').trim();
      if (pasted) {
        session.usePastedToken(pasted);
      } else if (userId) {
        await session.signIn(userId, String(data.get('role') ?? session.roles[0]), String(data.get('tier') ?? '').trim() || undefined);
      } else {
        error.textContent = t('common.enterIdOrToken');
        return;
      }
      render();
      onChange();
    } catch (problem) {
      error.textContent = problem.status === 404 ? t('common.tokensInDevelopmentOnly') : problem.message;
    }
  });
  signedIn.querySelector('button').addEventListener('click', () => {
    session.signOut();
    render();
    onChange();
  });
  render();
}
