// The results page: one campaign's sale over time, its funnel, variants and return on the discount,
// refreshed while the sale runs; and the marketer's campaigns compared, exportable as CSV.
/* global echarts */
import { api, downloadFile } from './api.js';
import { el, toast } from './dom.js';
import { day, money, number, percent, spoken, stateName, terms, time, timeSpanMs } from './format.js';
import { Session, bindSignIn } from './session.js';
import { twoProportionTest } from './significance.js';
import { language, t, useLanguage } from './i18n.js';
import resultsTexts from './locales/results.js';

// Shared with the marketing page: one sign-in for both.
const session = new Session('marketing', ['marketing', 'admin']);
const campaignId = new URLSearchParams(location.search).get('campaign');
const refreshEvery = 5000;
const charts = new Map();
let refreshTimer;

await useLanguage(resultsTexts);

function chart(id) {
  if (!charts.has(id)) {
    const dom = document.getElementById(id);
    charts.set(id, echarts.init(dom, null, { locale: language() === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' }));
  }
  return charts.get(id);
}

function summarize(id, text) {
  document.getElementById(id).textContent = text;
}

function refusalName(code) {
  return t(`refusal.${code}`, { defaultValue: code });
}

// "1 s", "1秒": the width of one bucket as people write it.
function bucketWidth(timeline) {
  return spoken(timeline.bucketSeconds * 1000);
}

function drawHeadline(stats, campaign) {
  document.getElementById('campaign-name').textContent = stats.name;
  const state = document.querySelector('#campaign .state');
  state.dataset.state = stats.state;
  state.textContent = stateName(stats.state);
  document.getElementById('campaign-terms').textContent = campaign?.coupon ? terms(campaign.coupon) : '';
  const figures = [
    [t('results.issued'), `${number(stats.issued)} / ${number(stats.totalStock)}`],
    [t('results.claimants'), number(stats.claimants)],
    [t('results.redeemed'), `${number(stats.redeemed)} (${percent(stats.redemptionRate)})`],
    [t('results.timeToSellOut'), stats.timeToSellOut ? spoken(timeSpanMs(stats.timeToSellOut)) : t('results.notSoldOut')],
    [t('results.discountGiven'), money(stats.discountGiven, stats.currency)],
  ];
  document.getElementById('headline').replaceChildren(...figures.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
  document.getElementById('updated').textContent = t('results.updated', { time: time(stats.asOf) });
}

// The sale's window, whatever the data in it: the three charts over time line up.
function saleAxis(timeline) {
  return { type: 'time', min: Date.parse(timeline.from), max: Date.parse(timeline.to), axisLabel: { hideOverlap: true } };
}

function drawClaims(timeline) {
  const points = timeline.points;
  const peak = points.reduce((most, p) => Math.max(most, p.issued), 0);
  const width = bucketWidth(timeline);
  chart('claims-chart').setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: saleAxis(timeline),
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('results.perBucket', { width }), type: 'bar', barMaxWidth: 12, data: points.map(p => [Date.parse(p.at), p.issued]) }],
  }, true);
  summarize('claims-summary', timeline.issued === 0 ? t('results.claimsEmpty') : t('results.claimsSummary', {
    issued: number(timeline.issued), from: time(timeline.from), to: time(timeline.to), width, peak: number(peak),
  }));
}

function drawSellOut(timeline, stats) {
  const points = timeline.points;
  chart('sellout-chart').setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 32, bottom: 32 },
    xAxis: saleAxis(timeline),
    yAxis: { type: 'value', minInterval: 1, max: value => Math.max(value.max, timeline.stock) },
    series: [
      { name: t('results.cumulative'), type: 'line', step: 'end', showSymbol: false, areaStyle: {}, data: points.map(p => [Date.parse(p.at), p.cumulative]) },
      { name: t('results.stock'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' },
        data: points.length ? [[Date.parse(points[0].at), timeline.stock], [Date.parse(points[points.length - 1].at), timeline.stock]] : [] },
    ],
  }, true);
  summarize('sellout-summary', stats.soldOutAt
    ? t('results.selloutSummary', { stock: number(stats.totalStock), duration: spoken(timeSpanMs(stats.timeToSellOut)) })
    : t('results.selloutRunning', { issued: number(stats.issued), stock: number(stats.totalStock), remaining: number(stats.remaining) }));
}

function drawRefusals(timeline) {
  const codes = timeline.refusalCodes;
  chart('refusals-chart').setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 32, bottom: 32 },
    xAxis: saleAxis(timeline),
    yAxis: { type: 'value', minInterval: 1 },
    series: codes.map(code => ({
      name: refusalName(code), type: 'bar', stack: 'refusals', barMaxWidth: 12,
      data: timeline.points.filter(p => p.refusals[code]).map(p => [Date.parse(p.at), p.refusals[code]]),
    })),
  }, true);
  const totals = codes.map(code => [code, timeline.points.reduce((sum, p) => sum + (p.refusals[code] ?? 0), 0)]);
  const total = totals.reduce((sum, [, n]) => sum + n, 0);
  summarize('refusals-summary', total === 0 ? t('results.refusalsEmpty') : t('results.refusalsSummary', {
    total: number(total), list: totals.map(([code, n]) => `${refusalName(code)} ${number(n)}`).join(language() === 'zh' ? '，' : ', '),
  }));
}

// Claimed → redeemed; a paid sale's orders → paid → redeemed.
function drawFunnel(stats) {
  const stages = stats.sale
    ? [[t('results.orders'), stats.sale.orders], [t('results.paid'), stats.sale.paid], [t('results.redeemed'), stats.redeemed]]
    : [[t('results.claimed'), stats.issued], [t('results.redeemed'), stats.redeemed]];
  chart('funnel-chart').setOption({
    tooltip: { trigger: 'item', renderMode: 'richText' },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '20%',
      label: { position: 'inside', formatter: '{b}: {c}' },
      data: stages.map(([name, value]) => ({ name, value })),
    }],
  }, true);
  const first = stages[0][1];
  summarize('funnel-summary', t('results.funnelSummary', {
    stages: stages.map(([name, count], i) => i === 0 || first === 0
      ? t('results.stage', { name, count: number(count) })
      : t('results.stageRate', { name, count: number(count), rate: percent(count / first) })).join(' → '),
  }));
}

// Each variant against the first, the control.
function drawVariants(stats) {
  const variants = (stats.units ?? []).filter(u => u.kind === 'variant');
  document.getElementById('variants').hidden = variants.length < 2;
  if (variants.length < 2) return;
  const names = variants.map(v => t('results.variant', { key: v.key }));
  chart('variants-chart').setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('results.issued'), type: 'bar', data: variants.map(v => v.stats.issued) },
      { name: t('results.redeemed'), type: 'bar', data: variants.map(v => v.stats.redeemed) },
    ],
  }, true);
  const [control, ...others] = variants;
  const verdicts = others.map(v => {
    const test = twoProportionTest(control.stats.redeemed, control.stats.issued, v.stats.redeemed, v.stats.issued);
    if (!test) return t('results.tooFew');
    const texts = { key: v.key, control: control.key, p: test.p.toFixed(3) };
    return test.significant ? t('results.significant', texts) : t('results.notSignificant', texts);
  });
  summarize('variants-summary', t('results.variantsSummary', {
    variants: variants.map(v => t('results.variantFigures', {
      key: v.key, issued: number(v.stats.issued), redeemed: number(v.stats.redeemed), rate: percent(v.stats.redemptionRate),
    })).join(language() === 'zh' ? '；' : '; '),
    verdict: verdicts.join(' '),
  }));
}

function roiText(roi) {
  return roi == null ? t('results.none') : percent(roi);
}

function drawRoi(roi) {
  chart('roi-chart').setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: value => money(value, roi.currency) },
    grid: { left: 64, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: [t('results.orderValue'), t('results.discountCost')] },
    yAxis: { type: 'value', axisLabel: { formatter: value => money(value, roi.currency) } },
    series: [{ type: 'bar', barMaxWidth: 48, data: [roi.orderValue, roi.discountCost] }],
  }, true);
  summarize('roi-summary', roi.roi == null ? t('results.roiEmpty') : t('results.roiSummary', {
    orderValue: money(roi.orderValue, roi.currency), discountCost: money(roi.discountCost, roi.currency), roi: roiText(roi.roi),
  }));
  const figures = [
    [t('results.orderValue'), money(roi.orderValue, roi.currency)],
    [t('results.discountCost'), money(roi.discountCost, roi.currency)],
    [t('results.pointsSpent'), number(roi.pointsSpent)],
    [t('results.pointsGranted'), number(roi.pointsGranted)],
    ...(roi.saleRevenue == null ? [] : [[t('results.saleRevenue'), money(roi.saleRevenue, 'CNY')]]),
    [t('results.roi'), roiText(roi.roi)],
  ];
  document.getElementById('roi-figures').replaceChildren(...figures.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

let campaign;

async function refreshCampaign() {
  clearTimeout(refreshTimer);
  if (!session.signedIn || !campaignId) return;
  const token = session.token;
  try {
    campaign ??= await api(`/api/campaigns/${encodeURIComponent(campaignId)}`, { token });
    const [stats, timeline, roi] = await Promise.all([
      api(`/api/campaigns/${encodeURIComponent(campaignId)}/stats`, { token }),
      api(`/api/campaigns/${encodeURIComponent(campaignId)}/timeline`, { token }),
      api(`/api/campaigns/${encodeURIComponent(campaignId)}/roi`, { token }),
    ]);
    document.getElementById('campaign').hidden = false;
    document.getElementById('charts').hidden = false;
    drawHeadline(stats, campaign);
    drawClaims(timeline);
    drawSellOut(timeline, stats);
    drawRefusals(timeline);
    drawFunnel(stats);
    drawVariants(stats);
    drawRoi(roi);
    // Redemptions keep coming after the end; less often then.
    refreshTimer = setTimeout(refreshCampaign, stats.closedAt ? refreshEvery * 6 : refreshEvery);
  } catch (problem) {
    if (problem.status === 404) {
      document.getElementById('hint').textContent = t('results.notFound');
      document.getElementById('hint').hidden = false;
      return;
    }
    toast(t('results.loadFailed', { message: problem.message }));
    refreshTimer = setTimeout(refreshCampaign, refreshEvery * 2);
  }
}

const compareForm = document.getElementById('compare-range');

// The form's dates are the browser's calendar days; the API takes instants.
function comparisonQuery() {
  const query = new URLSearchParams();
  const { from, to } = compareForm.elements;
  if (from.value) query.set('from', new Date(`${from.value}T00:00:00`).toISOString());
  if (to.value) query.set('to', new Date(new Date(`${to.value}T00:00:00`).getTime() + 86400000).toISOString());
  return query.toString();
}

async function refreshComparison() {
  const message = document.getElementById('compare-message');
  message.textContent = '';
  try {
    const { campaigns } = await api(`/api/campaigns/roi?${comparisonQuery()}`, { token: session.token });
    const rows = campaigns.map(c => el('tr', { 'data-campaign-id': c.campaignId },
      el('th', { scope: 'row' }, el('a', { href: `/results.html?campaign=${c.campaignId}` }, c.name)),
      el('td', {}, c.startsAt ? day(c.startsAt) : t('results.none')),
      el('td', {}, number(c.issued)),
      el('td', {}, number(c.redeemed)),
      el('td', {}, percent(c.redemptionRate)),
      el('td', {}, money(c.orderValue, c.currency)),
      el('td', {}, money(c.discountCost, c.currency)),
      el('td', {}, number(c.pointsSpent)),
      el('td', {}, number(c.pointsGranted)),
      el('td', {}, c.saleRevenue == null ? t('results.none') : money(c.saleRevenue, 'CNY')),
      el('td', { class: 'roi' }, roiText(c.roi))));
    document.querySelector('#compare-table tbody').replaceChildren(...rows);
    if (rows.length === 0) message.textContent = t('results.noCampaigns');
  } catch (problem) {
    message.className = 'message error';
    message.textContent = problem.message;
  }
}

async function downloadCsv() {
  try {
    await downloadFile(`/api/campaigns/roi.csv?${comparisonQuery()}`, 'campaign-roi.csv', session.token);
  } catch (problem) {
    toast(t('results.loadFailed', { message: problem.message }));
  }
}

function onSession() {
  const signedIn = session.signedIn;
  document.getElementById('hint').textContent = t('results.signInHint');
  document.getElementById('hint').hidden = signedIn;
  document.getElementById('compare').hidden = !signedIn;
  if (!signedIn) {
    clearTimeout(refreshTimer);
    document.getElementById('campaign').hidden = true;
    document.getElementById('charts').hidden = true;
    return;
  }
  refreshCampaign();
  refreshComparison();
}

compareForm.addEventListener('submit', event => {
  event.preventDefault();
  refreshComparison();
});
document.getElementById('compare-csv').addEventListener('click', downloadCsv);
window.addEventListener('resize', () => charts.forEach(c => c.resize()));
bindSignIn(session, document, onSession);
onSession();
