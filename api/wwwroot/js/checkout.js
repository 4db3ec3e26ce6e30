// Checking out with the best set of coupons: the API picks the set that saves the most on an order
// of this amount (honouring each campaign's stacking rule); the shopper sees it, then uses it, all
// or none, under one order id kept for retries of the same press. Below, the shopper's orders with
// coupons (from here or one coupon at a time), each cancellable while it stands.
import { api } from './api.js';
import { el, toast } from './dom.js';
import { money, time } from './format.js';
import { t } from './i18n.js';

export class Checkout {
  constructor(session, { onChange }) {
    this.session = session;
    this.onChange = onChange;
    this.section = document.getElementById('checkout');
    this.form = document.getElementById('checkout-form');
    this.plan = document.getElementById('plan');
    this.message = document.getElementById('checkout-message');
    this.orders = document.getElementById('coupon-orders');
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.findBest().catch(problem => this.say(problem.message, 'error'));
    });
  }

  show() {
    this.section.hidden = !this.session.signedIn;
    this.plan.replaceChildren();
    this.orders.replaceChildren();
    this.say('', '');
  }

  async loadOrders() {
    if (!this.session.signedIn) return;
    const { orders } = await api('/api/me/orders', { token: this.session.token });
    this.orders.replaceChildren(...orders.map(order => this.orderItem(order)));
    document.getElementById('no-coupon-orders').hidden = orders.length > 0;
  }

  orderItem(order) {
    const item = el('li', { 'data-order-id': order.orderId, 'data-cancelled': String(Boolean(order.cancelledAt)) },
      el('time', {}, time(order.createdAt)), ' ', el('b', {}, money(order.amount, order.currency)),
      ` −${money(order.discount, order.currency)} · `, order.coupons.map(c => c.campaignName).join(', '));
    if (order.cancelledAt) {
      item.append(el('br'), el('span', { class: 'order-status' }, t('shop.orderCancelledAt', { at: time(order.cancelledAt) })));
    } else {
      const cancel = el('button', { type: 'button', className: 'quiet cancel-order' }, t('shop.cancelOrder'));
      cancel.addEventListener('click', () => this.cancel(order.orderId, cancel));
      item.append(' ', cancel);
    }
    return item;
  }

  async findBest() {
    const order = { amount: Number(this.form.elements.amount.value), currency: this.form.elements.currency.value.trim().toUpperCase() };
    this.say('', '');
    const plan = await api('/api/me/checkout/plan', { method: 'POST', token: this.session.token, body: order });
    if (plan.coupons.length === 0) {
      this.plan.replaceChildren();
      this.say(t('shop.noCouponFits'), 'error');
      return;
    }
    const use = el('button', { type: 'button', className: 'use-plan' }, t('shop.payWithThese', { payable: money(plan.payable, order.currency) }));
    const orderId = `web-${crypto.randomUUID()}`;
    use.addEventListener('click', () => this.use(order, orderId, plan, use));
    this.plan.replaceChildren(
      el('ul', { class: 'feed' }, ...plan.coupons.map(c =>
        el('li', { 'data-coupon-id': c.couponId }, `${c.campaignName}: −${money(c.discount, order.currency)}`))),
      el('p', { class: 'figures' }, el('span', {}, t('shop.totalDiscount'), ' ', el('b', { class: 'total-discount' }, money(plan.totalDiscount, order.currency))),
        el('span', {}, t('shop.payable'), ' ', el('b', { class: 'payable' }, money(plan.payable, order.currency)))),
      use);
  }

  async use(order, orderId, plan, button) {
    button.disabled = true;
    try {
      const result = await api('/api/me/checkout', {
        method: 'POST', token: this.session.token,
        body: { orderId, ...order, couponIds: plan.coupons.map(c => c.couponId) },
      });
      // The order joins the list below, where it can be cancelled: its coupons come back while still valid.
      this.plan.replaceChildren();
      this.say(t('shop.checkedOut', { saved: money(result.totalDiscount, order.currency), payable: money(result.payable, order.currency) }), 'ok');
      toast(t('shop.checkedOut', { saved: money(result.totalDiscount, order.currency), payable: money(result.payable, order.currency) }));
      await this.onChange();
    } catch (problem) {
      this.say(problem.message, 'error');
      button.disabled = false;
    }
  }

  async cancel(orderId, button) {
    button.disabled = true;
    try {
      const refund = await api(`/api/me/orders/${encodeURIComponent(orderId)}/refund`, { method: 'POST', token: this.session.token });
      this.say(t('shop.orderCancelled', { count: refund.refunded.length }), 'ok');
      await this.onChange();
    } catch (problem) {
      this.say(problem.message, 'error');
      button.disabled = false;
    }
  }

  say(text, kind) {
    this.message.textContent = text;
    this.message.className = `message ${kind}`;
  }
}
