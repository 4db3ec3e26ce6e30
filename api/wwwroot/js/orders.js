// The shopper's orders of paid sales: each with a countdown to its deadline on the server's clock,
// a Pay button that opens the gateway's pay page, and its status followed by polling every 2 s
// while one waits (as WeChat Pay advises for Native payments) until it is paid or lapses.
import { LatestRequest, api } from './api.js';
import { el, toast } from './dom.js';
import { serverClock } from './clock.js';
import { duration, money, time } from './format.js';
import { t } from './i18n.js';

const statusName = status => t(`orders.status.${status}`, { defaultValue: status });
const nameOf = order => order.campaignName ?? t('orders.order');

export class Orders {
  constructor(list, session, { onPaid }) {
    this.list = list;
    this.session = session;
    this.onPaid = onPaid;
    this.orders = [];
    this.countdowns = new Map();
    this.loads = new LatestRequest();
    setInterval(() => this.tick(), 250);
    setInterval(() => this.poll(), 2000);
  }

  async load() {
    const counts = this.loads.next();
    if (!this.session.signedIn) {
      this.orders = [];
      this.list.replaceChildren();
      return;
    }
    const before = new Map(this.orders.map(order => [order.orderId, order.status]));
    const orders = await api('/api/orders', { token: this.session.token });
    if (!counts()) return;
    this.orders = orders;
    this.render();
    for (const order of this.orders) {
      if (before.get(order.orderId) === 'pending_payment' && order.status !== 'pending_payment') {
        toast(order.status === 'paid' ? t('orders.paidToast', { name: nameOf(order) }) : `${nameOf(order)}: ${statusName(order.status)}`);
        if (order.status === 'paid') this.onPaid();
      }
    }
  }

  poll() {
    if (this.orders.some(order => order.status === 'pending_payment')) this.load().catch(() => {});
  }

  render() {
    this.countdowns.clear();
    this.list.replaceChildren(...this.orders.map(order => {
      const item = el('li', { 'data-order-id': order.orderId, 'data-status': order.status },
        el('b', {}, nameOf(order)), ` · ${money(order.amount, 'CNY')}`,
        order.points ? ` + ${t('orders.points', { points: order.points })}` : null, ' · ', el('span', { class: 'order-status' }, statusName(order.status)));
      if (order.status === 'pending_payment') {
        const countdown = el('span', { class: 'countdown' });
        this.countdowns.set(order.orderId, { countdown, deadline: Date.parse(order.deadline) });
        const pay = el('button', { type: 'button', className: 'pay' }, t('orders.pay'));
        pay.addEventListener('click', () => this.pay(order, pay));
        item.append(el('br'), countdown, ' ', pay);
      } else if (order.paidAt) {
        item.append(el('br'), el('time', {}, t('orders.paidAt', { at: time(order.paidAt) })));
        // A paid order whose coupon is still unused can be refunded through the gateway.
        if (order.status === 'paid') {
          const refund = el('button', { type: 'button', className: 'quiet refund' }, t('orders.refund'));
          refund.addEventListener('click', () => this.refund(order, refund));
          item.append(' ', refund);
        }
      }
      return item;
    }));
    this.tick();
  }

  tick() {
    const now = serverClock.now();
    for (const { countdown, deadline } of this.countdowns.values()) {
      const left = deadline - now;
      countdown.textContent = left > 0 ? t('orders.payWithin', { left: duration(left) }) : t('orders.deadlinePassed');
    }
  }

  async refund(order, button) {
    button.disabled = true;
    try {
      await api(`/api/orders/${order.orderId}/refund`, { method: 'POST', token: this.session.token });
      toast(t('orders.refunded', { name: nameOf(order), amount: money(order.amount, 'CNY') }));
      await this.load();
      this.onPaid();
    } catch (problem) {
      toast(problem.message);
      button.disabled = false;
    }
  }

  // The gateway's pay page opens in a tab of its own; this page learns of the payment from the server.
  async pay(order, button) {
    button.disabled = true;
    try {
      const started = await api(`/api/orders/${order.orderId}/payment`, { method: 'POST', token: this.session.token });
      window.open(started.payUrl, '_blank', 'noopener');
      toast(t('orders.paying', { amount: money(order.amount, 'CNY'), channel: t(`orders.channel.${started.channel}`, { defaultValue: started.channel }) }));
    } catch (problem) {
      toast(problem.message);
      await this.load().catch(() => {});
    } finally {
      button.disabled = false;
    }
  }
}
