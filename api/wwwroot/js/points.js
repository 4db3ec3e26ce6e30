// The shopper's points: the balance and its latest changes, each with why it changed.
import { api } from './api.js';
import { el } from './dom.js';
import { number, time } from './format.js';
import { t } from './i18n.js';

export async function loadPoints(session) {
  const section = document.getElementById('points');
  section.hidden = !session.signedIn;
  if (!session.signedIn) return;
  const points = await api('/api/me/points', { token: session.token });
  document.getElementById('points-balance').textContent = number(points.balance);
  const history = document.getElementById('points-history');
  history.replaceChildren(...points.latest.map(entry => el('li', { 'data-reason': entry.reason },
    el('time', {}, time(entry.at)),
    el('b', { class: entry.delta < 0 ? 'spent' : 'earned' }, `${entry.delta > 0 ? '+' : ''}${number(entry.delta)}`), ' ',
    t(`shop.pointsReason.${entry.reason}`, { defaultValue: entry.reason }), entry.note ? ` · ${entry.note}` : null)));
  if (points.latest.length === 0) history.append(el('li', { class: 'empty-note' }, t('shop.noPoints')));
}
