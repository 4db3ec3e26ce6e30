// One campaign's live figures, drawn from its inventory snapshots: the stock bar, claims per second
// over the last minute (an ECharts line, from the issued count's rise each second), and refusals by
// code. Used by the operations board and the marketing page; the page loads ECharts (/lib/echarts).
import { el } from './dom.js';
import { stateName, terms, time } from './format.js';
import { language, t, tNodes } from './i18n.js';

const chartSeconds = 60;

export class StockCard {
  constructor(campaign) {
    this.id = campaign.id;
    this.rates = new Array(chartSeconds).fill(0);
    this.stateBadge = el('span', { class: 'state' });
    this.bar = el('div');
    this.remaining = el('b', { class: 'remaining' });
    this.issued = el('b', { class: 'issued' });
    // Paid sales only: units held by orders waiting for payment.
    this.held = el('b', { class: 'held' });
    this.heldFigure = el('span', { hidden: !campaign.payment }, ...tNodes('card.held', { count: this.held }));
    this.perSecond = el('b', { class: 'per-second' }, '0');
    this.chart = el('div', { class: 'rate', role: 'img', ariaLabel: t('card.rateChart') });
    this.lastIssued = campaign.issued;
    this.rejections = el('ul', { class: 'rejections' });
    this.element = el('article', { class: 'card', 'data-campaign-id': campaign.id },
      el('header', {}, el('h3', {}, campaign.name), this.stateBadge),
      el('p', { class: 'terms' }, `${terms(campaign.coupon)} · ${time(campaign.startsAt, campaign.timeZone)} – ${time(campaign.endsAt, campaign.timeZone)}`),
      el('div', { class: 'stock', role: 'meter', ariaLabel: t('card.stockLeft') }, this.bar),
      el('div', { class: 'figures' },
        el('span', {}, ...tNodes('card.left', { count: this.remaining })), el('span', {}, ...tNodes('card.claimed', { count: this.issued })), this.heldFigure,
        el('span', {}, ...tNodes('card.rate', { count: this.perSecond }))),
      this.chart,
      this.rejections);
    this.show({ remaining: campaign.remaining, issued: campaign.issued, held: campaign.held ?? 0, state: campaign.state, claimsPerSecond: 0, rejections: {} });
    // By the next frame the page has placed the card.
    requestAnimationFrame(() => this.draw());
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
    Object.assign(this.bar.parentElement, { ariaValueMin: '0', ariaValueMax: String(total), ariaValueNow: String(snapshot.remaining) });
    this.remaining.textContent = snapshot.remaining.toLocaleString();
    this.issued.textContent = snapshot.issued.toLocaleString();
    this.held.textContent = held.toLocaleString();
    if (held > 0) this.heldFigure.hidden = false;
    this.perSecond.textContent = snapshot.claimsPerSecond.toLocaleString();
    this.issuedNow = snapshot.issued;
    this.setState(snapshot.state);
    const refusals = Object.entries(snapshot.rejections ?? {}).sort((a, b) => b[1] - a[1]);
    this.rejections.replaceChildren(...refusals.map(([code, count]) => el('li', { 'data-code': code }, `${t(`problem.${code}`, { defaultValue: code })}: ${count.toLocaleString()}`)));
  }

  setState(state) {
    this.stateBadge.dataset.state = state;
    this.stateBadge.textContent = stateName(state);
    this.onState?.(state);
  }

  // Once a second: the claims of the last second are the issued count's rise since the one before.
  tick() {
    const issued = this.issuedNow ?? this.lastIssued;
    const rate = Math.max(0, issued - this.lastIssued);
    this.lastIssued = issued;
    if (rate === 0) this.perSecond.textContent = '0';
    this.rates.push(rate);
    this.rates.shift();
    this.draw();
  }

  // The chart starts once the card is on the page (ECharts measures its box) and follows the window's width.
  draw() {
    if (!this.chart.isConnected || typeof echarts === 'undefined') return;
    if (!this.echart) {
      this.echart = echarts.init(this.chart, null, { renderer: 'svg', locale: language() === 'zh' ? 'ZH' : 'EN' });
      new ResizeObserver(() => this.echart.resize()).observe(this.chart);
    }
    const now = Date.now();
    this.echart.setOption({
      animation: false,
      grid: { left: 36, right: 8, top: 8, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', min: now - chartSeconds * 1000, max: now, splitNumber: 3, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, splitNumber: 2 },
      series: [{ type: 'line', name: t('card.perSecond'), showSymbol: false, areaStyle: { opacity: 0.15 }, color: '#c9252c',
        data: this.rates.map((rate, i) => [now - (chartSeconds - 1 - i) * 1000, rate]) }],
    });
    this.chart.setAttribute('aria-label', t('card.rateSummary', { peak: Math.max(...this.rates).toLocaleString() }));
  }
}
