// The shopper's page: open and upcoming drops with a countdown on the server's clock, a claim
// button; the wallet (wallet.js), checkout with the best set (checkout.js), points (points.js),
// paid orders (orders.js), and expiry alerts as they arrive.
import { api } from './api.js';
import { el, toast } from './dom.js';
import { serverClock } from './clock.js';
import { duration, money, number, terms, time, timeSpanMs } from './format.js';
import { isLive, startLive, subscribe } from './live.js';
import { Session, bindSignIn } from './session.js';
import { Orders } from './orders.js';
import { language, t, tNodes, useLanguage } from './i18n.js';
import shopTexts from './locales/shop.js';
import challengeTexts from './locales/challenge.js';
import { solve } from './challenge.js';
import { Wallet } from './wallet.js';
import { Checkout } from './checkout.js';
import { loadPoints } from './points.js';

const session = new Session('shop', ['shopper']);
const drops = new Map();
// Batches' own campaign ids, to the drop that offers them.
const batchDrops = new Map();

// A device id per browser, which the risk limits count by.
const deviceId = localStorage.getItem('flashsale.device') ?? crypto.randomUUID();
localStorage.setItem('flashsale.device', deviceId);

class Drop {
  constructor(campaign) {
    this.campaign = campaign;
    this.state = campaign.state;
    this.countdown = el('span', { class: 'countdown' });
    this.left = el('b', { class: 'remaining' }, number(campaign.remaining));
    // A paid sale's claim places an order, paid afterwards before its deadline.
    this.paid = campaign.payment != null;
    this.button = el('button', { type: 'button', className: 'claim' }, this.paid ? t('shop.buyFor', { price: money(campaign.price.cash, 'CNY') }) : t('shop.claim'));
    this.held = el('span', { class: 'held' });
    this.message = el('p', { class: 'message' });
    this.button.addEventListener('click', () => this.claim());
    this.choices = el('div', { class: 'figures batches' });
    this.badge = el('span', { class: 'badge early-access' }, t('shop.earlyAccess'));
    this.element = el('article', { class: 'card', 'data-campaign-id': campaign.id },
      el('header', {}, el('h3', {}, campaign.name, this.badge), this.countdown),
      // When it opens and ends, on the campaign's clocks (its zone named when it is not the shopper's).
      el('p', { class: 'terms window' }, `${time(campaign.startsAt, campaign.timeZone)} – ${time(campaign.endsAt, campaign.timeZone)}`),
      // A group's own terms are only its first unit's: its batches show theirs, and a variant is the shopper's surprise.
      campaign.units ? null : el('p', {}, el('b', {}, terms(campaign.coupon))),
      el('p', { class: 'figures' }, el('span', {}, ...tNodes('shop.leftOf', { left: this.left }, { total: number(campaign.totalStock) })),
        campaign.price?.points ? el('span', {}, t('shop.costsPoints', { points: number(campaign.price.points) })) : null,
        this.paid ? this.held : null),
      this.button, this.choices, this.message);
    this.batches = [];
    this.tick();
  }

  // A campaign of batches offers one button per batch, each with its own stock; variants need nothing: the server assigns them.
  async loadBatches() {
    if (!this.campaign.units) return;
    // With the device id: risk control counts a claim from a device that read its campaign first as a person's.
    const { batches } = await api(`/api/campaigns/${this.campaign.id}`, { headers: { 'X-Device-Id': deviceId } });
    if (!batches) return;
    this.button.hidden = true;
    this.batches = batches.map(batch => {
      const left = el('b', { class: 'remaining' }, number(batch.remaining));
      const button = el('button', { type: 'button', className: 'claim-batch', 'data-batch': batch.key, title: terms(batch.coupon) },
        `${batch.name}: `, ...tNodes('shop.batchLeft', { left }));
      button.addEventListener('click', () => this.claim(batch.key));
      this.choices.append(button);
      return { ...batch, left, button };
    });
    this.tick();
    return this.batches;
  }

  showBatch(snapshot) {
    const batch = this.batches.find(b => b.campaignId === snapshot.campaignId);
    if (!batch) return;
    batch.left.textContent = number(snapshot.remaining);
    batch.state = snapshot.state;
    this.tick();
  }

  show(snapshot) {
    this.left.textContent = number(snapshot.remaining);
    this.held.textContent = snapshot.held ? t('shop.heldByOrders', { count: snapshot.held, held: number(snapshot.held) }) : '';
    this.setState(snapshot.state);
  }

  setState(state) {
    this.state = state;
    this.tick();
  }

  // Members of a tier with early access may claim before everyone else.
  get earlyAccess() {
    return this.campaign.earlyAccess?.find(rule => rule.tier === session.tier);
  }

  // The button follows the server's clock: it enables itself the moment the drop opens there (for this shopper).
  tick() {
    const now = serverClock.now();
    const opensIn = Date.parse(this.campaign.startsAt) - (this.earlyAccess ? timeSpanMs(this.earlyAccess.lead) : 0) - now;
    this.badge.hidden = !this.earlyAccess;
    const endsIn = Date.parse(this.campaign.endsAt) - now;
    const open = opensIn <= 0 && endsIn > 0 && !['sold_out', 'paused', 'ended'].includes(this.state);
    this.countdown.textContent = opensIn > 0 ? t('shop.opensIn', { left: duration(opensIn) })
      : endsIn <= 0 || this.state === 'ended' ? t('state.ended') : this.state === 'sold_out' ? t('state.sold_out')
      : this.state === 'paused' ? t('state.paused') : t('shop.endsIn', { left: duration(endsIn) });
    this.element.dataset.state = opensIn > 0 ? 'scheduled' : endsIn <= 0 ? 'ended' : this.state;
    this.button.disabled = !open || this.claiming;
    for (const batch of this.batches) batch.button.disabled = !open || this.claiming || batch.state === 'sold_out';
  }

  async claim(batch) {
    if (!session.signedIn) {
      this.say(t('shop.signInFirst'), 'error');
      return;
    }
    this.claiming = true;
    this.tick();
    // One key per press: a retry of the same press can never take a second coupon.
    const key = crypto.randomUUID();
    const path = `/api/campaigns/${this.campaign.id}/claims${batch ? `?batch=${encodeURIComponent(batch)}` : ''}`;
    const send = solution => api(path, {
      method: 'POST', token: session.token,
      headers: { 'Idempotency-Key': key, 'X-Device-Id': deviceId, ...(solution ? { 'X-Altcha': solution } : {}) },
    });
    try {
      // Risk control may ask for a proof of work first: the phone solves it, and the same press is sent again.
      const coupon = await send().catch(async problem => {
        if (problem.code !== 'challenge_required') throw problem;
        this.say(t('shop.checking'), '');
        return send(await solve(problem.problem.challenge, { language: language() }));
      });
      if (coupon.order) {
        this.say(t('shop.orderPlaced', { amount: money(coupon.order.amount, 'CNY'), deadline: time(coupon.order.deadline) }), 'ok');
        await orders.load().catch(() => {});
      } else {
        this.say(t('shop.claimed', { code: coupon.code }), 'ok');
      }
      await refreshWallet();
    } catch (problem) {
      if (problem.problem?.now) serverClock.heard(problem.problem.now);
      this.say(problem.message, 'error');
    } finally {
      this.claiming = false;
      this.tick();
    }
  }

  say(text, kind) {
    this.message.textContent = text;
    this.message.className = `message ${kind}`;
  }
}

async function listDrops() {
  // With the device id: risk control counts a claim from a device that read its campaign first as a person's.
  const { campaigns } = await api('/api/campaigns?limit=100', { headers: { 'X-Device-Id': deviceId } });
  const grid = document.getElementById('campaigns');
  for (const campaign of campaigns.filter(c => !drops.has(c.id))) {
    const drop = new Drop(campaign);
    drops.set(campaign.id, drop);
    grid.append(drop.element);
    for (const batch of (await drop.loadBatches()) ?? []) batchDrops.set(batch.campaignId, drop);
    if (isLive()) await watch(drop);
  }
  document.getElementById('no-campaigns').hidden = drops.size > 0;
}

const wallet = new Wallet(session, { onChange: () => refreshWallet() });
const checkout = new Checkout(session, { onChange: () => refreshWallet() });

// Everything a claim, a payment, a use or a gift can change: the coupons, the points, the alerts.
async function refreshWallet() {
  await Promise.all([
    wallet.load().catch(problem => wallet.failed(problem)),
    loadPoints(session).catch(() => {}),
    loadAlerts().catch(() => {}),
    checkout.loadOrders().catch(() => {}),
  ]);
}

async function loadAlerts() {
  const alerts = document.getElementById('alerts');
  if (!session.signedIn) {
    alerts.replaceChildren();
    return;
  }
  const inbox = await api('/api/me/alerts?limit=20', { token: session.token });
  alerts.replaceChildren(...inbox.alerts.map(alertItem));
}

function alertItem(alert) {
  const item = el('li', { 'data-alert-id': alert.alertId, class: alert.read ? '' : 'unread' },
    el('time', {}, time(alert.createdAt)), t('shop.alertExpires', { name: alert.campaignName, at: time(alert.expiresAt) }));
  if (!alert.read) {
    const markRead = el('button', { type: 'button', className: 'quiet' }, t('common.ok'));
    markRead.addEventListener('click', async () => {
      await api(`/api/me/alerts/${alert.alertId}/read`, { method: 'POST', token: session.token });
      item.classList.remove('unread');
      markRead.remove();
    });
    item.append(' ', markRead);
  }
  return item;
}

async function connect() {
  await startLive(session, {
    inventory: snapshot => {
      drops.get(snapshot.campaignId)?.show(snapshot);
      batchDrops.get(snapshot.campaignId)?.showBatch(snapshot);
    },
    stateChanged: change => drops.get(change.campaignId)?.setState(change.state),
    expiryAlert: alert => {
      document.getElementById('alerts').prepend(alertItem(alert));
      toast(t('shop.alertToast', { name: alert.campaignName, at: time(alert.expiresAt) }));
      wallet.load().catch(() => {});
    },
    resubscribe: subscribeAll,
  });
}

function subscribeAll() {
  return Promise.all([...drops.values()].map(watch));
}

// The drop's campaign, and each of its batches for their own stock.
async function watch(drop) {
  drop.show(await subscribe(drop.campaign.id));
  await Promise.all(drop.batches.map(async batch => drop.showBatch(await subscribe(batch.campaignId))));
}

const orders = new Orders(document.getElementById('orders'), session, { onPaid: () => refreshWallet() });

async function signedInOrOut() {
  checkout.show();
  await Promise.all([connect(), orders.load().catch(() => {}), refreshWallet()]);
}

await useLanguage(shopTexts, challengeTexts);
bindSignIn(session, document.getElementById('top'), signedInOrOut);
setInterval(() => drops.forEach(drop => drop.tick()), 250);
setInterval(() => listDrops().catch(() => {}), 10000);
setInterval(() => serverClock.sync(3).catch(() => {}), 60000);
await serverClock.sync().catch(() => {});
await listDrops().catch(() => {});
await signedInOrOut();
