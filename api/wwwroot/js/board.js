// The live operations board: every campaign that has not ended, with its stock, claim rate and
// refusals as they happen, and operators' alerts (low stock, sold out, risk spikes).
import { api } from './api.js';
import { el } from './dom.js';
import { isLive, startLive, subscribe } from './live.js';
import { Session, bindSignIn } from './session.js';
import { StockCard } from './stock-card.js';
import { number, time } from './format.js';
import { t, useLanguage } from './i18n.js';
import boardTexts from './locales/board.js';

const listEvery = 5000;
const session = new Session('board', ['marketing', 'admin']);
const cards = new Map();
const grid = document.getElementById('campaigns');

async function connect() {
  document.getElementById('alerts-hint').hidden = session.signedIn;
  showCluster().catch(() => {});
  dashboardButton.hidden = session.role !== 'admin';
  await startLive(session, {
    inventory: snapshot => cards.get(snapshot.campaignId)?.show(snapshot),
    stateChanged: change => cards.get(change.campaignId)?.setState(change.state),
    alert: showAlert,
    resubscribe: () => Promise.all([...cards.keys()].map(watch)),
  });
}

async function watch(id) {
  cards.get(id).show(await subscribe(id));
}

// New campaigns appear within a few seconds; ones that end stay, marked ended, until the page reloads.
async function listCampaigns() {
  const { campaigns } = await api('/api/campaigns?limit=100');
  for (const campaign of campaigns.filter(c => !cards.has(c.id))) {
    const card = new StockCard(campaign);
    cards.set(campaign.id, card);
    grid.append(card.element);
    if (isLive()) await watch(campaign.id);
  }
  document.getElementById('no-campaigns').hidden = cards.size > 0;
}

const alertText = alert => t(`board.alert.${alert.kind}`,
  { defaultValue: alert.kind, remaining: number(alert.remaining), threshold: alert.threshold, detail: alert.detail ?? '' });
// An alert about no one campaign (the auditor's about an order or a points account) carries the empty id.
const NoCampaign = '00000000-0000-0000-0000-000000000000';

function showAlert(alert) {
  const name = cards.get(alert.campaignId)?.element.querySelector('h3').textContent
    ?? (alert.campaignId === NoCampaign ? t('board.alert.platform') : alert.campaignId);
  const text = alertText(alert);
  document.getElementById('alerts').prepend(
    el('li', { 'data-kind': alert.kind, 'data-campaign-id': alert.campaignId }, el('time', {}, time(alert.at)), `${name}: ${text}`));
}

// Silos by their membership status, API nodes by whether they were heard from lately.
async function showCluster() {
  const list = document.getElementById('cluster');
  document.getElementById('cluster-hint').hidden = session.signedIn;
  if (!session.signedIn) {
    list.replaceChildren();
    return;
  }
  const cluster = await api('/api/cluster', { token: session.token });
  const item = (kind, name, state, up, detail) => el('li', { 'data-kind': kind, 'data-state': state },
    el('span', { class: `health ${up ? 'up' : 'down'}` }, t(`board.health.${state}`, { defaultValue: state })), ' ',
    el('b', {}, t(`board.${kind}`)), ` ${name}`, el('br'), el('time', {}, detail));
  list.replaceChildren(
    ...cluster.silos.map(s => item('silo', s.name, s.status.toLowerCase(), s.status === 'Active', `${s.address} · ${t('board.since', { at: time(s.startedAt) })}`)),
    ...cluster.apiNodes.map(n => item('api', n.name, n.up ? 'up' : 'down', n.up, `${n.address} · ${t('board.lastSeen', { at: time(n.lastSeen) })}`)));
}

// The Orleans dashboard fetches its data without our bearer header: the API trades the admin's
// token for a cookie that only the dashboard's paths receive, then the dashboard opens in a new tab.
const dashboardButton = document.getElementById('cluster-dashboard');
dashboardButton.addEventListener('click', async () => {
  await api('/api/admin/dashboard/session', { method: 'POST', token: session.token });
  window.open('/dashboard/', '_blank');
});

await useLanguage(boardTexts);
bindSignIn(session, document.getElementById('top'), connect);
setInterval(() => listCampaigns().catch(() => {}), listEvery);
setInterval(() => showCluster().catch(() => {}), listEvery);
setInterval(() => cards.forEach(card => card.tick()), 1000);
await listCampaigns().catch(() => {});
await connect();
