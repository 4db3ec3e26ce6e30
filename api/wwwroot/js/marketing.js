// The marketing page: create and schedule a campaign, then watch its results live.
import { LatestRequest, api, downloadFile, placeFieldErrors } from './api.js';
import { el, toast } from './dom.js';
import { money, number as count, percent, spoken, stateName, time, timeSpanMs } from './format.js';
import { serverClock } from './clock.js';
import { isLive, startLive, subscribe, unsubscribe } from './live.js';
import { Session, bindSignIn } from './session.js';
import { StockCard } from './stock-card.js';
import { UnitRows } from './unit-rows.js';
import { browserZone, instantOf, wallClock } from './zones.js';
import { t, useLanguage } from './i18n.js';
import marketingTexts from './locales/marketing.js';

const session = new Session('marketing', ['marketing', 'admin']);
const form = document.getElementById('create');
const grid = document.getElementById('campaigns');
const cards = new Map();
const unitRows = new UnitRows(form);

// The coupon kind decides which amounts apply; the others are hidden and not sent.
function showKindFields() {
  const kind = form.elements.kind.value;
  for (const label of form.querySelectorAll('[data-kinds]')) {
    label.hidden = !label.dataset.kinds.split(' ').includes(kind);
  }
}

// datetime-local has no time zone: it is read on the clocks of the campaign's zone (the browser's unless chosen).
const zone = () => form.elements.timeZone.value || browserZone();
const localInput = ms => wallClock(ms, zone());

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
  const at = value ? instantOf(value, zone()) : NaN;
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

// "gold 10, silver 5": each tier with its lead in minutes. Anything else is sent as it is, for the API to refuse by name.
function earlyAccess() {
  const text = form.elements.earlyAccess.value.trim();
  if (!text) return undefined;
  return text.split(/[,，;；]/).map(part => part.trim()).filter(Boolean).map(part => {
    const [, tier, minutes] = /^(\S+)\s+(\d+)$/.exec(part) ?? [, part, 0];
    return { tier, lead: timeSpan(Number(minutes)) };
  });
}

function remindBefore() {
  const text = form.elements.remindBefore.value.trim();
  return text ? text.split(/[,，\s]+/).filter(Boolean).map(days => timeSpan(Math.round(Number(days) * 1440))) : undefined;
}

function withoutEmpty(object) {
  const kept = Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length ? kept : undefined;
}

// Every field of the form as the API's campaign body: the same for creating and for editing.
function campaignBody() {
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
      points: number('cardPoints'),
    },
    totalStock: number('totalStock'),
    perUserLimit: number('perUserLimit'),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    validity: { days: number('validityDays') },
    risk: withoutEmpty({
      maxAccountsPerDevice: number('maxAccountsPerDevice'),
      maxClaimsPerDevice: number('maxClaimsPerDevice'),
      maxClaimsPerDevicePerDay: number('maxClaimsPerDevicePerDay'),
      dailyClaimCap: number('dailyClaimCap'),
    }),
    use: {
      transfer: form.elements.transfer.value,
      stackable: form.elements.stackable.checked,
      remindBefore: remindBefore(),
      recycleExpired: form.elements.recycleExpired.checked,
    },
    price: withoutEmpty({ points: number('pricePoints'), cash: number('cash') }),
    cardSecrets: form.elements.cardSecrets.checked,
    earlyAccess: earlyAccess(),
    timeZone: form.elements.timeZone.value,
  };
  // Batches or variants carry the coupon and stock themselves.
  const units = unitRows.read(body.coupon);
  if (units) {
    body[unitRows.kind] = units;
    delete body.coupon;
    delete body.totalStock;
  }
  // A cash price makes a paid sale: each claim is an order the shopper pays within the window.
  if (body.price?.cash !== undefined) {
    body.payment = { window: timeSpan(number('paymentMinutes') ?? 5), refundsReturnStock: form.elements.refundsReturnStock.checked };
  }
  return body;
}

// Editing a campaign that has not opened: the form takes its fields, and saving sends them as a PATCH.
let editing = null;
const fixedAtCreation = ['cardSecrets', 'paymentMinutes', 'refundsReturnStock', 'unitMode'];
// A group's coupons and stock are its batches' or variants' (and so is the per-shopper limit of batches): not edited here.
const unitFields = ['kind', 'currency', 'amountOff', 'minSpend', 'percentOff', 'maxDiscount', 'cardValue', 'cardPoints', 'totalStock'];
const groupKind = campaign => (campaign.batches ? 'batches' : campaign.variants ? 'variants' : null);

function showUnitFields(kind) {
  for (const name of unitFields) form.elements[name].closest('label').classList.toggle('from-rows', Boolean(kind));
  form.elements.perUserLimit.closest('label').classList.toggle('from-rows', kind === 'batches');
}

async function edit(id) {
  const campaign = await api(`/api/campaigns/${id}`, { token: session.token });
  const set = (name, value) => { form.elements[name].value = value ?? ''; };
  set('name', campaign.name);
  set('timeZone', campaign.timeZone ?? browserZone());
  set('kind', campaign.coupon.kind);
  set('currency', campaign.coupon.currency);
  for (const [name, field] of [['amountOff', 'amountOff'], ['minSpend', 'minSpend'], ['percentOff', 'percentOff'], ['maxDiscount', 'maxDiscount'],
    ['cardValue', 'cardValue'], ['cardPoints', 'points']]) set(name, campaign.coupon[field]);
  set('totalStock', campaign.totalStock);
  set('perUserLimit', campaign.perUserLimit);
  set('startsAt', localInput(Date.parse(campaign.startsAt)));
  set('endsAt', localInput(Date.parse(campaign.endsAt)));
  set('validityDays', campaign.validity.days);
  for (const name of ['maxAccountsPerDevice', 'maxClaimsPerDevice', 'maxClaimsPerDevicePerDay', 'dailyClaimCap']) set(name, campaign.risk?.[name]);
  set('transfer', campaign.use?.transfer ?? 'none');
  form.elements.stackable.checked = campaign.use?.stackable ?? true;
  form.elements.recycleExpired.checked = campaign.use?.recycleExpired ?? false;
  set('remindBefore', (campaign.use?.remindBefore ?? []).map(span => +(timeSpanMs(span) / 86400000).toFixed(2)).join(', '));
  set('pricePoints', campaign.price?.points || '');
  set('cash', campaign.price?.cash);
  form.elements.cardSecrets.checked = campaign.cardSecrets;
  set('earlyAccess', (campaign.earlyAccess ?? []).map(rule => `${rule.tier} ${Math.round(timeSpanMs(rule.lead) / 60000)}`).join(', '));
  showKindFields();
  form.elements.unitMode.value = groupKind(campaign) ?? 'none';
  showUnitFields(groupKind(campaign));
  editing = campaign;
  document.getElementById('form-title').textContent = t('mk.editing', { name: campaign.name });
  document.getElementById('submit').textContent = t('mk.save');
  document.getElementById('cancel-edit').hidden = false;
  form.elements.draft.closest('label').hidden = true;
  for (const name of fixedAtCreation) form.elements[name].disabled = true;
  form.scrollIntoView({ behavior: 'smooth' });
}

function stopEditing() {
  if (editing && groupKind(editing)) form.elements.unitMode.value = 'none';
  editing = null;
  showUnitFields(null);
  unitRows.render();
  document.getElementById('form-title').textContent = t('mk.newCampaign');
  document.getElementById('submit').textContent = t('mk.create');
  document.getElementById('cancel-edit').hidden = true;
  form.elements.draft.closest('label').hidden = false;
  for (const name of fixedAtCreation) form.elements[name].disabled = false;
}

async function create(event) {
  event.preventDefault();
  const message = document.getElementById('create-message');
  form.querySelectorAll('.field-error').forEach(span => { span.textContent = ''; });
  message.textContent = '';
  message.className = 'message';
  if (!session.signedIn) {
    message.textContent = t('mk.signInFirst');
    message.classList.add('error');
    return;
  }
  const body = campaignBody();
  try {
    if (editing) {
      // Card secrets and the payment window are fixed at creation; a group's units keep their own coupons and stock.
      delete body.cardSecrets;
      delete body.payment;
      const kind = groupKind(editing);
      if (kind) {
        for (const field of ['coupon', 'totalStock', 'batches', 'variants']) delete body[field];
        if (kind === 'batches') delete body.perUserLimit;
      }
      const campaign = await api(`/api/campaigns/${editing.id}`, { method: 'PATCH', body, token: session.token });
      stopEditing();
      // Its card is drawn again in place with the new figures before the page says it is saved.
      const old = cards.get(campaign.id);
      if (old) await watch(campaign, { replacing: old.element });
      message.textContent = t('mk.saved', { name: campaign.name });
      message.classList.add('ok');
      return;
    }
    body.draft = form.elements.draft.checked;
    const campaign = await api('/api/campaigns', { method: 'POST', body, token: session.token });
    message.textContent = t('mk.created', { name: campaign.name, state: stateName(campaign.state) });
    message.classList.add('ok');
    await watch(campaign, { first: true });
    toast(t('mk.createdToast', { name: campaign.name }));
  } catch (problem) {
    message.textContent = placeFieldErrors(form, problem);
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
  const button = (key, className) => el('button', { type: 'button', className: `quiet ${className}` }, t(key));
  const publish = button('mk.publish', 'publish');
  publish.addEventListener('click', () => control('publish'));
  const pause = el('button', { type: 'button', className: 'quiet pause' });
  pause.addEventListener('click', () => control(pause.dataset.action));
  // Ending cannot be undone: the first press asks, a second within five seconds ends it.
  const end = button('mk.endNow', 'end');
  end.addEventListener('click', () => {
    if (end.dataset.armed) {
      control('end');
      return;
    }
    end.dataset.armed = 'yes';
    end.textContent = t('mk.reallyEnd');
    setTimeout(() => {
      delete end.dataset.armed;
      if (!end.disabled) end.textContent = t('mk.endNow');
    }, 5000);
  });
  const add = el('input', { type: 'number', min: 1, value: 100, className: 'top-up', ariaLabel: t('mk.couponsToAdd') });
  add.style.width = '6em';
  // A group's stock is its batches' or variants': a top-up names one.
  const unit = el('select', { className: 'top-up-unit', ariaLabel: t('mk.unitToTopUp') });
  // A list's summary counts its units; a created campaign lists them.
  const group = Boolean(campaign.units || campaign.batches || campaign.variants);
  unit.hidden = !group;
  if (group) {
    api(`/api/campaigns/${campaign.id}`, { token: session.token })
      .then(full => unit.replaceChildren(...(full.batches ?? full.variants ?? []).map(u => el('option', { value: u.key, 'data-campaign-id': u.campaignId }, u.name))))
      .catch(() => {});
  }
  const topUp = button('mk.addStock', 'top-up');
  topUp.addEventListener('click', async () => {
    const body = group ? { add: Number(add.value), batch: unit.value } : { add: Number(add.value) };
    if (await control('stock', body)) toast(t('mk.added', { count: Number(add.value), added: count(add.value) }));
  });
  const editButton = button('mk.edit', 'edit');
  editButton.addEventListener('click', () => edit(card.id).catch(problem => { message.textContent = problem.message; }));
  const results = el('dl', { class: 'results figures' });
  const showResults = button('mk.results', 'show-results');
  showResults.addEventListener('click', async () => {
    try {
      renderResults(results, await api(`/api/campaigns/${card.id}/stats`, { token: session.token }));
    } catch (problem) {
      message.textContent = problem.message;
    }
  });
  const charts = el('a', { href: `/results.html?campaign=${card.id}`, className: 'results-link' }, t('mk.charts'));
  const exportCsv = button('mk.csv', 'export');
  exportCsv.addEventListener('click', () => downloadFile(`/api/campaigns/${card.id}/coupons.csv`, `campaign-${card.id}.csv`, session.token)
    .catch(problem => toast(t('mk.exportFailed', { status: problem.status }))));
  const changes = el('ol', { class: 'changes feed' });
  const showChanges = button('mk.changeLog', 'show-changes');
  showChanges.addEventListener('click', () => renderChanges(card.id, changes).catch(problem => { message.textContent = problem.message; }));
  // A group's secrets go to the batch or variant chosen beside the top-up.
  const secrets = campaign.cardSecrets ? secretImport(() => (group ? unit.selectedOptions[0]?.dataset.campaignId : card.id), message) : null;
  card.element.append(el('div', { class: 'figures controls' }, publish, pause, end, editButton, unit, add, topUp, showResults, charts,
    exportCsv, showChanges, message), ...[secrets, results, changes].filter(Boolean));
  card.onState = state => {
    const over = state === 'ended';
    publish.hidden = state !== 'draft';
    pause.hidden = state === 'draft';
    editButton.hidden = !['draft', 'scheduled'].includes(state);
    publish.disabled = !session.signedIn;
    pause.dataset.action = state === 'paused' ? 'resume' : 'pause';
    pause.textContent = t(state === 'paused' ? 'mk.resume' : 'mk.pause');
    for (const b of [pause, end, topUp]) b.disabled = over || !session.signedIn;
    for (const b of [showResults, exportCsv, showChanges, editButton]) b.disabled = !session.signedIn;
    if (over) end.textContent = t('state.ended');
  };
  card.onState(card.stateBadge.dataset.state);
}

// Card secrets come from a file, one per line (a CSV's first column), imported in claim order.
function secretImport(target, message) {
  const file = el('input', { type: 'file', accept: '.txt,.csv,text/plain,text/csv', className: 'secrets-file', ariaLabel: t('mk.secretsFile') });
  const result = el('span', { class: 'message' });
  file.addEventListener('change', async () => {
    const lines = (await file.files[0].text()).split(/\r?\n/).map(line => line.split(',')[0].trim()).filter(Boolean);
    try {
      const imported = await api(`/api/campaigns/${target()}/secrets`, { method: 'POST', body: { secrets: lines }, token: session.token });
      result.textContent = t('mk.secretsImported', { imported: imported.imported, total: imported.totalImported, refused: imported.refused.length });
      result.className = imported.refused.length ? 'message error' : 'message ok';
    } catch (problem) {
      message.textContent = problem.message;
    }
    file.value = '';
  });
  return el('label', { class: 'figures secrets' }, el('span', {}, t('mk.importSecrets')), file, result);
}

async function renderChanges(id, list) {
  const changes = await api(`/api/campaigns/${id}/changes`, { token: session.token });
  list.replaceChildren(...changes.map(change => el('li', { 'data-action': change.action },
    el('time', {}, time(change.at)), `${t(`mk.action.${change.action}`, { defaultValue: change.action })} · ${change.actor}`,
    el('ul', { class: 'details' }, ...Object.entries(change.details ?? {}).map(([field, value]) =>
      el('li', { 'data-field': field }, `${field}: `, el('code', {}, changeText(value))))))));
  if (changes.length === 0) list.append(el('li', { class: 'empty-note' }, t('mk.noChanges')));
}

// An edit's field reads "from → to"; other entries' details are plain values.
function changeText(value) {
  const text = v => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
  return value !== null && typeof value === 'object' && 'from' in value && 'to' in value ? `${text(value.from)} → ${text(value.to)}` : text(value);
}

function renderResults(list, stats) {
  const rows = [
    ['Issued', t('mk.r.issuedOf', { issued: count(stats.issued), total: count(stats.totalStock) })],
    ['Claimants', count(stats.claimants)],
    ['Redeemed', `${count(stats.redeemed)} (${percent(stats.redemptionRate)})`],
    ['Discount given', money(stats.discountGiven, stats.currency)],
    ['Sold out after', stats.timeToSellOut ? spoken(timeSpanMs(stats.timeToSellOut)) : '—'],
    ['Refusals', Object.entries(stats.refusals).map(([code, n]) => `${t(`problem.${code}`, { defaultValue: code })} ${count(n)}`).join(', ') || t('mk.r.none')],
    ['Risk', Object.entries(stats.risk).flatMap(([verdict, rules]) => Object.entries(rules).map(([rule, n]) => `${verdict} ${rule} ${n}`)).join(', ') || t('mk.r.none')],
  ];
  // A paid sale: what it sold, what conversion its orders had, what came back unpaid.
  if (stats.sale) {
    const sale = stats.sale;
    rows.push(
      ['Revenue', money(sale.revenue, 'CNY')],
      ['Orders', t('mk.r.orders', { orders: count(sale.orders), paid: count(sale.paid), pending: count(sale.pending) })],
      ['Paid conversion', percent(sale.paidConversion)],
      ['Expired unpaid', count(sale.expiredUnpaid)],
      ['Refunded', t('mk.r.refunded', { orders: count(sale.refunded), amount: money(sale.refundedAmount, 'CNY') })]);
  }
  // data-name stays English: it names the figure, whatever language the page reads in.
  list.replaceChildren(...rows.flatMap(([name, value]) => [el('dt', {}, t(`mk.r.${name}`)), el('dd', { 'data-name': name }, value)]));
}

async function watch(campaign, { first = false, replacing = null } = {}) {
  if (cards.has(campaign.id) && !replacing) return;
  const card = new StockCard(campaign);
  addControls(card, campaign);
  cards.set(campaign.id, card);
  if (replacing) replacing.replaceWith(card.element);
  else if (first) grid.prepend(card.element);
  else grid.append(card.element);
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
const listings = new LatestRequest();
let listingsUnanswered = 0;

// The grid is busy while any listing is unanswered, a superseded one included: a page (or a test)
// can tell when the last answer, wanted or not, has been dealt with.
async function listCampaigns({ more = false } = {}) {
  listingsUnanswered++;
  grid.ariaBusy = 'true';
  try {
    await showListing(more ? listings.same() : listings.next(), more);
  } finally {
    grid.ariaBusy = String(--listingsUnanswered > 0);
  }
}

async function showListing(counts, more) {
  const page = await api(`/api/campaigns?limit=12${filters}${more && next ? `&after=${next}` : ''}`, { token: session.token });
  if (!counts()) return;
  if (!more) {
    await Promise.all([...cards.keys()].map(id => (isLive() ? unsubscribe(id) : null)));
    if (!counts()) return;
    cards.clear();
    grid.replaceChildren();
  }
  for (const campaign of page.campaigns) {
    if (!counts()) return;
    await watch(campaign);
  }
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

// Every zone the browser knows, the browser's own first.
form.elements.timeZone.replaceChildren(...[browserZone(), ...Intl.supportedValuesOf('timeZone').filter(z => z !== browserZone())]
  .map(name => el('option', { value: name }, name)));
form.elements.kind.addEventListener('change', showKindFields);
form.addEventListener('submit', create);
document.getElementById('cancel-edit').addEventListener('click', stopEditing);
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
