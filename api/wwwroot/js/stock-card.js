// One campaign's live figures, drawn from its inventory snapshots: the stock bar, claims per second
// over the last minute, and refusals by code. Used by the operations board and the marketing page.
import { el } from './dom.js';
import { stateName, terms, time } from './format.js';

const chartSeconds = 60;

export class StockCard {
  constructor(campaign) {
    this.id = campaign.id;
    this.rates = new Array(chartSeconds).fill(0);
    this.lastSnapshotAt = 0;
    this.rate = 0;
    this.stateBadge = el('span', { class: 'state' });
    this.bar = el('div');
    this.remaining = el('b', { class: 'remaining' });
    this.issued = el('b', { class: 'issued' });
    // Paid sales only: units held by orders waiting for payment.
    this.held = el('b', { class: 'held' });
    this.heldFigure = el('span', { hidden: !campaign.payment }, this.held, ' held');
    this.perSecond = el('b', { class: 'per-second' }, '0');
    this.chart = el('canvas', { class: 'rate', width: 600, height: 120 });
    this.rejections = el('ul', { class: 'rejections' });
    this.element = el('article', { class: 'card', 'data-campaign-id': campaign.id },
      el('header', {}, el('h3', {}, campaign.name), this.stateBadge),
      el('p', { class: 'terms' }, `${terms(campaign.coupon)} · ${time(campaign.startsAt)} – ${time(campaign.endsAt)}`),
      el('div', { class: 'stock', role: 'meter', ariaLabel: 'Stock left' }, this.bar),
      el('div', { class: 'figures' },
        el('span', {}, this.remaining, ' left'), el('span', {}, this.issued, ' claimed'), this.heldFigure,
        el('span', {}, this.perSecond, ' claims/s')),
      this.chart,
      this.rejections);
    this.show({ remaining: campaign.remaining, issued: campaign.issued, held: campaign.held ?? 0, state: campaign.state, claimsPerSecond: 0, rejections: {} });
    this.draw();
  }

  show(snapshot) {
    // The stock is issued + held + remaining: a held unit is neither left nor claimed yet.
    const held = snapshot.held ?? 0;
    const total = snapshot.remaining + snapshot.issued + held;
    const left = total > 0 ? snapshot.remaining / total : 0;
    this.bar.style.width = `${(left * 100).toFixed(1)}%`;
    this.bar.parentElement.classList.toggle('low', left > 0 && left <= 0.1);
    this.bar.parentElement.classList.toggle('empty', snapshot.remaining === 0);
    this.bar.parentElement.dataset.remaining = snapshot.remaining;
    this.remaining.textContent = snapshot.remaining.toLocaleString();
    this.issued.textContent = snapshot.issued.toLocaleString();
    this.held.textContent = held.toLocaleString();
    if (held > 0) this.heldFigure.hidden = false;
    this.perSecond.textContent = snapshot.claimsPerSecond.toLocaleString();
    this.rate = snapshot.claimsPerSecond;
    this.lastSnapshotAt = Date.now();
    this.setState(snapshot.state);
    const refusals = Object.entries(snapshot.rejections ?? {}).sort((a, b) => b[1] - a[1]);
    this.rejections.replaceChildren(...refusals.map(([code, count]) => el('li', { 'data-code': code }, `${code}: ${count.toLocaleString()}`)));
  }

  setState(state) {
    this.stateBadge.dataset.state = state;
    this.stateBadge.textContent = stateName(state);
    this.onState?.(state);
  }

  // Once a second. Snapshots stop when a campaign goes quiet, so an old one means no claims now.
  tick() {
    const current = Date.now() - this.lastSnapshotAt > 1500 ? 0 : this.rate;
    if (current === 0) this.perSecond.textContent = '0';
    this.rates.push(current);
    this.rates.shift();
    this.draw();
  }

  draw() {
    const context = this.chart.getContext('2d');
    const { width, height } = this.chart;
    const top = Math.max(10, ...this.rates);
    context.clearRect(0, 0, width, height);
    context.fillStyle = '#5f6b7a';
    context.font = '20px system-ui, sans-serif';
    context.fillText(`${top.toLocaleString()}/s`, 4, 20);
    context.strokeStyle = '#e4393c';
    context.lineWidth = 3;
    context.beginPath();
    this.rates.forEach((rate, i) => {
      const x = (i / (chartSeconds - 1)) * width;
      const y = height - 4 - (rate / top) * (height - 28);
      if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
    });
    context.stroke();
  }
}
