// The marketing page: create and schedule a campaign, then watch its results live.
import { api } from './api.js';
import { el, toast } from './dom.js';
import { money } from './format.js';
import { serverClock } from './clock.js';
import { isLive, startLive, subscribe, unsubscribe } from './live.js';
import { Session, bindSignIn } from './session.js';
import { StockCard } from './stock-card.js';
import { t, useLanguage } from './i18n.js';
import marketingTexts from './locales/marketing.js';

const session = new Session('marketing', ['marketing', 'admin']);
const form = document.getElementById('create');
const grid = document.getElementById('campaigns');
const cards = new Map();

// The coupon kind decides which amounts apply; the others are hidden and not sent.
function showKindFields() {
  const kind = form.elements.kind.value;
  for (const label of form.querySelectorAll('[data-kinds]')) {
    label.hidden = !label.dataset.kinds.split(' ').includes(kind);
  }
}

// datetime-local has no time zone: it is the browser's local time, as marketers read their calendar.
function localInput(ms) {
  const at = new Date(ms);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
}

function number(name) {
  const input = form.elements[name];
  return input.closest('label').hidden || input.value === '' ? undefined : Number(input.value);
}

// Minutes as a .NET TimeSpan reads them: d.hh:mm:ss.
function timeSpan(minutes) {
  const pad = n => String(n).padStart(2, '0');
  return `${Math.floor(minutes / 1440)}.${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}:00`;
}

function instant(name) {
  const value = form.elements[name].value;
  return value ? new Date(value).toISOString() : undefined;
}

async function create(event) {
  event.preventDefault();
  const message = document.getElementById('create-message');
  form.querySelectorAll('.field-error').forEach(span => { span.textContent = ''; });
  message.textContent = '';
  message.className = 'message';
  if (!session.signedIn) {
    message.textContent = 'Sign in as marketing first.';
    message.classList.add('error');
    return;
  }
  const body = {
    name: form.elements.name.value,
    coupon: {
      kind: form.elements.kind.value,
      currency: form.elements.currency.value,
      amountOff: number('amountOff'),
      minSpend: number('minSpend'),
      percentOff: number('percentOff'),
      maxDiscount: number('maxDiscount'),
      cardValue: number('cardValue'),
    },
    totalStock: number('totalStock'),
    perUserLimit: number('perUserLimit'),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    validity: { days: number('validityDays') },
    draft: form.elements.draft.checked,
    earlyAccess: form.elements.earlyTier.value.trim()
      ? [{ tier: form.elements.earlyTier.value.trim(), lead: timeSpan(number('earlyMinutes') ?? 0) }]
      : undefined,
  };
  // A cash price makes a paid sale: each claim is an order the shopper pays within the window.
  if (number('cash') !== undefined) {
    body.price = { cash: number('cash') };
    body.payment = { window: timeSpan(number('paymentMinutes') ?? 5) };
  }
  try {
    const campaign = await api('/api/campaigns', { method: 'POST', body, token: session.token });
    message.textContent = `Created “${campaign.name}”, ${campaign.state}.`;
    message.classList.add('ok');
    await watch(campaign, { first: true });
    toast(`“${campaign.name}” created`);
  } catch (problem) {
    let unplaced = problem.message;
    for (const [field, errors] of Object.entries(problem.errors)) {
      const span = form.querySelector(`[data-field="${field}"]`) ?? form.querySelector(`[data-field="${field.split('.')[0]}"]`);
      if (span) span.textContent = errors.join(' ');
      else unplaced += ` ${field}: ${errors.join(' ')}`;
    }
    message.textContent = unplaced;
    message.classList.add('error');
  }
}

// Pause or resume, end now, top up: each answered with the campaign as it is now, or a refusal to show.
function addControls(card, campaign) {
  const message = el('span', { class: 'message' });
  const control = async (action, body) => {
    message.textContent = '';
    try {
      const campaign = await api(`/api/campaigns/${card.id}/${action}`, { method: 'POST', body, token: session.token });
      card.setState(campaign.state);
      return campaign;
    } catch (problem) {
      message.textContent = problem.message;
      message.className = 'message error';
      return null;
    }
  };
  const publish = el('button', { type: 'button', className: 'quiet publish' }, 'Publish');
  publish.addEventListener('click', () => control('publish'));
  const pause = el('button', { type: 'button', className: 'quiet pause' });
  pause.addEventListener('click', () => control(pause.dataset.action));
  // Ending cannot be undone: the first press asks, a second within five seconds ends it.
  const end = el('button', { type: 'button', className: 'quiet end' }, 'End now');
  end.addEventListener('click', () => {
    if (end.dataset.armed) {
      control('end');
      return;
    }
    end.dataset.armed = 'yes';
    end.textContent = 'Really end?';
    setTimeout(() => {
      delete end.dataset.armed;
      if (!end.disabled) end.textContent = 'End now';
    }, 5000);
  });
  const add = el('input', { type: 'number', min: 1, value: 100, className: 'top-up', ariaLabel: 'Coupons to add' });
  add.style.width = '6em';
  // A group's stock is its batches' or variants': a top-up names one.
  const unit = el('select', { className: 'top-up-unit', ariaLabel: 'Batch or variant to top up' });
  unit.hidden = !campaign.units;
  if (campaign.units) {
    api(`/api/campaigns/${campaign.id}`, { token: session.token })
      .then(full => unit.replaceChildren(...(full.batches ?? full.variants ?? []).map(u => el('option', { value: u.key }, u.name))))
      .catch(() => {});
  }
  const topUp = el('button', { type: 'button', className: 'quiet top-up' }, 'Add stock');
  topUp.addEventListener('click', async () => {
    const body = campaign.units ? { add: Number(add.value), batch: unit.value } : { add: Number(add.value) };
    if (await control('stock', body)) toast(`Added ${Number(add.value).toLocaleString()} coupons`);
  });
  const results = el('dl', { class: 'results figures' });
  const showResults = el('button', { type: 'button', className: 'quiet show-results' }, 'Results');
  showResults.addEventListener('click', async () => {
    try {
      renderResults(results, await api(`/api/campaigns/${card.id}/stats`, { token: session.token }));
    } catch (problem) {
      message.textContent = problem.message;
    }
  });
  const exportCsv = el('button', { type: 'button', className: 'quiet export' }, 'CSV');
  exportCsv.addEventListener('click', () => download(`/api/campaigns/${card.id}/coupons.csv`, `campaign-${card.id}.csv`));
  card.element.append(el('div', { class: 'figures controls' }, publish, pause, end, unit, add, topUp, showResults, exportCsv, message), results);
  card.onState = state => {
    const over = state === 'ended';
    publish.hidden = state !== 'draft';
    pause.hidden = state === 'draft';
    publish.disabled = !session.signedIn;
    pause.dataset.action = state === 'paused' ? 'resume' : 'pause';
    pause.textContent = state === 'paused' ? 'Resume' : 'Pause';
    for (const button of [pause, end, topUp]) button.disabled = over || !session.signedIn;
    for (const button of [showResults, exportCsv]) button.disabled = !session.signedIn;
    if (over) end.textContent = 'Ended';
  };
  card.onState(card.stateBadge.dataset.state);
}

function renderResults(list, stats) {
  const rows = [
    ['Issued', `${stats.issued.toLocaleString()} of ${stats.totalStock.toLocaleString()}`],
    ['Claimants', stats.claimants.toLocaleString()],
    ['Redeemed', `${stats.redeemed.toLocaleString()} (${(stats.redemptionRate * 100).toFixed(1)}%)`],
    ['Discount given', money(stats.discountGiven, stats.currency)],
    ['Sold out after', stats.timeToSellOut ?? '—'],
    ['Refusals', Object.entries(stats.refusals).map(([code, n]) => `${code} ${n.toLocaleString()}`).join(', ') || 'none'],
    ['Risk', Object.entries(stats.risk).flatMap(([verdict, rules]) => Object.entries(rules).map(([rule, n]) => `${verdict} ${rule} ${n}`)).join(', ') || 'none'],
  ];
  // A paid sale: what it sold, what conversion its orders had, what came back unpaid.
  if (stats.sale) {
    const sale = stats.sale;
    rows.push(
      ['Revenue', money(sale.revenue, 'CNY')],
      ['Orders', `${sale.orders.toLocaleString()} placed, ${sale.paid.toLocaleString()} paid, ${sale.pending.toLocaleString()} waiting`],
      ['Paid conversion', `${(sale.paidConversion * 100).toFixed(1)}%`],
      ['Expired unpaid', sale.expiredUnpaid.toLocaleString()],
      ['Refunded', `${sale.refunded.toLocaleString()} orders, ${money(sale.refundedAmount, 'CNY')} paid back`]);
  }
  list.replaceChildren(...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', { 'data-name': name }, value)]));
}

// The export needs the token, which a plain link cannot carry: fetched, then handed to the browser as a file.
async function download(path, name) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session.token}` } });
  if (!response.ok) {
    toast(`Export failed: HTTP ${response.status}`);
    return;
  }
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function watch(campaign, { first = false } = {}) {
  if (cards.has(campaign.id)) return;
  const card = new StockCard(campaign);
  addControls(card, campaign);
  cards.set(campaign.id, card);
  if (first) grid.prepend(card.element); else grid.append(card.element);
  document.getElementById('no-campaigns').hidden = true;
  if (isLive()) card.show(await subscribe(campaign.id));
}

async function connect() {
  // Signed in, the connection may watch drafts too.
  await startLive(session, {
    inventory: snapshot => cards.get(snapshot.campaignId)?.show(snapshot),
    stateChanged: change => cards.get(change.campaignId)?.setState(change.state),
    resubscribe: subscribeAll,
  });
}

function subscribeAll() {
  return Promise.all([...cards.values()].map(async card => card.show(await subscribe(card.id))));
}

// A page of campaigns matching the filters; "More" appends the next one.
let filters = '';
let next = null;

async function listCampaigns({ more = false } = {}) {
  const page = await api(`/api/campaigns?limit=12${filters}${more && next ? `&after=${next}` : ''}`, { token: session.token });
  if (!more) {
    await Promise.all([...cards.keys()].map(id => (isLive() ? unsubscribe(id) : null)));
    cards.clear();
    grid.replaceChildren();
  }
  for (const campaign of page.campaigns) await watch(campaign);
  next = page.next ?? null;
  document.getElementById('more').hidden = !next;
  document.getElementById('no-campaigns').hidden = cards.size > 0;
}

function applyFilters(event) {
  event?.preventDefault();
  const data = new FormData(document.getElementById('filters'));
  const query = new URLSearchParams();
  if (data.get('state')) query.set('state', data.get('state'));
  for (const name of ['from', 'to']) {
    if (data.get(name)) query.set(name, new Date(data.get(name)).toISOString());
  }
  filters = query.size ? `&${query}` : '';
  return listCampaigns();
}

form.elements.kind.addEventListener('change', showKindFields);
form.addEventListener('submit', create);
// Controls and drafts are for signed-in marketers only.
await useLanguage(marketingTexts);
bindSignIn(session, document.getElementById('top'), async () => {
  await connect();
  await applyFilters();
});
document.getElementById('filters').addEventListener('submit', applyFilters);
document.getElementById('more').addEventListener('click', () => listCampaigns({ more: true }));
showKindFields();
setInterval(() => cards.forEach(card => card.tick()), 1000);
await serverClock.sync().catch(() => {});
// A drop ten minutes from now, for an hour, unless the marketer says otherwise.
const opening = Math.ceil((serverClock.now() + 10 * 60000) / 60000) * 60000;
form.elements.startsAt.value = localInput(opening);
form.elements.endsAt.value = localInput(opening + 3600000);
await listCampaigns().catch(() => {});
await connect();
