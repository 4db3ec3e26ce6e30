// The shopper's wallet by status (available, used, expired, given away), a page at a time, and
// what can be done with an available coupon: show its code at the till as a QR code, give it to a
// friend, reveal its card secret, or add a points card to the balance.
import { LatestRequest, api } from './api.js';
import { el, toast } from './dom.js';
import { serverClock } from './clock.js';
import { money, terms, time } from './format.js';
import { t } from './i18n.js';

const expiresSoonWithin = 24 * 3600 * 1000;

export class Wallet {
  constructor(session, { onChange }) {
    this.session = session;
    this.onChange = onChange;
    this.status = 'available';
    this.list = document.getElementById('wallet');
    this.more = document.getElementById('wallet-more');
    this.tabs = document.getElementById('wallet-tabs');
    this.hint = document.getElementById('wallet-hint');
    this.loads = new LatestRequest();
    for (const tab of this.tabs.querySelectorAll('button')) {
      tab.addEventListener('click', () => {
        this.status = tab.dataset.status;
        for (const other of this.tabs.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === tab));
        this.load().catch(problem => this.failed(problem));
      });
    }
    this.more.addEventListener('click', () => this.load(this.next).catch(problem => this.failed(problem)));
  }

  async load(after) {
    const signedIn = this.session.signedIn;
    this.tabs.hidden = !signedIn;
    this.hint.hidden = signedIn;
    this.hint.textContent = t('shop.signInForWallet');
    const counts = after ? this.loads.same() : this.loads.next();
    if (!signedIn) {
      this.list.replaceChildren();
      this.more.hidden = true;
      return;
    }
    const query = new URLSearchParams({ status: this.status, limit: '20' });
    if (after) query.set('after', after);
    const page = await api(`/api/me/coupons?${query}`, { token: this.session.token });
    if (!counts()) return;
    const items = page.coupons.map(coupon => this.item(coupon));
    if (after) this.list.append(...items); else this.list.replaceChildren(...items);
    if (!after && items.length === 0) this.list.append(el('li', { class: 'empty-note' }, t(`shop.empty.${this.status}`)));
    this.next = page.next;
    this.more.hidden = !page.next;
  }

  failed(problem) {
    this.hint.hidden = false;
    this.hint.textContent = t('shop.walletFailed', { reason: problem.message });
  }

  item(coupon) {
    const left = Date.parse(coupon.expiresAt) - serverClock.now();
    const available = coupon.status === 'available';
    const item = el('li', { 'data-coupon-id': coupon.couponId, 'data-status': coupon.status },
      el('b', {}, terms(coupon.coupon)), ` · ${coupon.campaignName}`,
      coupon.balance != null ? ` · ${t('shop.balance', { balance: money(coupon.balance, coupon.coupon.currency) })}` : null,
      available && left < expiresSoonWithin ? el('span', { class: 'badge expires-soon' }, t('shop.expiresSoon')) : null,
      el('br'), el('span', { class: 'code' }, coupon.code ?? ''),
      el('time', {}, available ? ` ${t('shop.until', { at: time(coupon.expiresAt) })}` : ''));
    if (!available) return item;
    const actions = el('div', { class: 'actions' });
    const message = el('p', { class: 'message' });
    if (coupon.coupon.kind === 'points') {
      actions.append(this.button(t('shop.addPoints'), 'add-points', () => this.addPoints(coupon, message)));
    } else {
      actions.append(this.button(t('shop.useAtTill'), 'use-at-till', () => showAtTill(coupon)));
    }
    if (coupon.cardSecret) actions.append(this.button(t('shop.revealSecret'), 'reveal', () => this.reveal(coupon, item, message)));
    if (coupon.transferable) actions.append(this.button(t('shop.giveAway'), 'give', () => this.giveForm(coupon, item, message)));
    item.append(actions, message);
    return item;
  }

  button(text, className, onClick) {
    const button = el('button', { type: 'button', className: `quiet ${className}` }, text);
    button.addEventListener('click', onClick);
    return button;
  }

  async reveal(coupon, item, message) {
    try {
      const { secret } = await api(`/api/me/coupons/${coupon.couponId}/secret`, { token: this.session.token });
      item.querySelector('.secret')?.remove();
      item.insertBefore(el('p', { class: 'secret' }, `${t('shop.cardSecret')} `, el('b', { class: 'code' }, secret)), message);
    } catch (problem) {
      say(message, problem.message, 'error');
    }
  }

  // An inline form under the coupon: a friend's shopper id, then the transfer.
  giveForm(coupon, item, message) {
    if (item.querySelector('form.give')) return;
    const input = el('input', { name: 'to', required: true, maxLength: 128, autocomplete: 'off' });
    const form = el('form', { className: 'give inline-form' },
      el('label', {}, `${t('shop.friendId')} `, input), el('button', {}, t('shop.give')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api(`/api/me/coupons/${coupon.couponId}/transfer`, { method: 'POST', token: this.session.token, body: { to: input.value.trim() } });
        toast(t('shop.given', { name: coupon.campaignName, to: input.value.trim() }));
        await this.onChange();
      } catch (problem) {
        say(message, problem.message, 'error');
      }
    });
    item.insertBefore(form, message);
    input.focus();
  }

  async addPoints(coupon, message) {
    try {
      const added = await api(`/api/me/coupons/${coupon.couponId}/redeem-points`, { method: 'POST', token: this.session.token });
      toast(t('shop.pointsAdded', { points: added.credited, balance: added.balance }));
      await this.onChange();
    } catch (problem) {
      say(message, problem.message, 'error');
    }
  }
}

// The code as a QR code a till scans, and in text for one that cannot.
function showAtTill(coupon) {
  const qr = qrcode(0, 'M');
  qr.addData(coupon.code);
  qr.make();
  const dialog = document.getElementById('till');
  dialog.querySelector('#till-terms').textContent = `${terms(coupon.coupon)} · ${coupon.campaignName}`;
  const image = dialog.querySelector('#till-qr');
  image.src = qr.createDataURL(6, 4);
  image.alt = t('shop.qrOf', { code: coupon.code });
  dialog.querySelector('#till-code').textContent = coupon.code;
  dialog.showModal();
}

function say(message, text, kind) {
  message.textContent = text;
  message.className = `message ${kind}`;
}
