// The admin page: blocks, the audit of risk decisions, the operators' risk rules, a coupon's history, the
// payment channels with their routing and reconciliation, and the way to the Orleans dashboard. All through /api/admin.
import { LatestRequest, api, downloadFile, placeFieldErrors } from './api.js';
import { el, toast } from './dom.js';
import { money, number, time } from './format.js';
import { Session, bindSignIn } from './session.js';
import { t, useLanguage } from './i18n.js';
import { ConditionRows, conditionsText } from './rule-conditions.js';
import adminTexts from './locales/admin.js';

const session = new Session('admin', ['admin']);
const pageSize = 20;
const byId = id => document.getElementById(id);
// The built-in checks risk decisions are audited under (grain-interfaces/Risk/RiskRules.cs), offered in the rule
// filter with the operators' rules, which are audited under their own names.
const builtInRules = ['blocked_shopper', 'blocked_device', 'blocked_address', 'blocked_fingerprint', 'rate_limit', 'daily_claim_cap',
  'max_accounts_per_device', 'max_claims_per_device', 'max_claims_per_device_per_day', 'instant_claim_without_fetch', 'new_accounts_burst'];
// A few of the claims a tried rule would have acted on: enough to recognise them.
const shownExamples = 5;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const call = (path, options = {}) => api(path, { ...options, token: session.token });
// A refusal in the page's language where its code has words here, otherwise as the API put it.
const problemText = problem => t(`admin.problem.${problem.code}`, { defaultValue: problem.message });
const ruleName = rule => t(`admin.rule.${rule}`, { defaultValue: rule });
const channelName = channel => t(`admin.channel.${channel}`, { defaultValue: channel });

function say(message, text, outcome) {
  message.textContent = text;
  message.className = outcome ? `message ${outcome}` : 'message';
}

// Each refused field's reasons beside it; the problem's title (and any field without a place) in the message.
function showProblem(form, message, problem) {
  say(message, placeFieldErrors(form, problem, problemText(problem)), 'error');
}

function clear(form, message) {
  form.querySelectorAll('.field-error').forEach(span => { span.textContent = ''; });
  say(message, '');
}

// A destructive button asks to be pressed again within a few seconds: one stray click removes nothing.
function pressTwice(button, confirmText, confirmLabel, act) {
  const [text, label] = [button.textContent, button.ariaLabel];
  let disarm = null;
  button.addEventListener('click', () => {
    if (disarm === null) {
      [button.textContent, button.ariaLabel] = [confirmText, confirmLabel];
      disarm = setTimeout(() => {
        [button.textContent, button.ariaLabel] = [text, label];
        disarm = null;
      }, 5000);
      return;
    }
    clearTimeout(disarm);
    button.disabled = true;
    act();
  });
}

// Signed out, nothing is sent: the page says so instead of showing a 401.
function signedIn(message) {
  if (!session.signedIn) say(message, t('admin.signInFirst'), 'error');
  return session.signedIn;
}

// ---- Points ----

// One key per press: a retried press credits nothing more.
async function creditPoints(event) {
  event.preventDefault();
  const form = byId('credit');
  const message = byId('credit-message');
  clear(form, message);
  if (!signedIn(message)) return;
  const values = form.elements;
  try {
    const credited = await call('/api/admin/points', {
      method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { shopperId: values.shopperId.value.trim(), points: values.points.value === '' ? undefined : Number(values.points.value), note: values.note.value.trim() },
    });
    say(message, t('admin.credited', { points: number(credited.credited), shopper: credited.shopperId, balance: number(credited.balance) }), 'ok');
    form.reset();
  } catch (problem) {
    showProblem(form, message, problem);
  }
}

// ---- Blocks ----

async function listBlocks() {
  const blocks = await call('/api/admin/blocks');
  byId('blocks').replaceChildren(...blocks.map(blockItem));
  byId('no-blocks').hidden = blocks.length > 0;
}

function blockItem(block) {
  const remove = el('button', { type: 'button', className: 'quiet remove', ariaLabel: t('admin.removeBlock', { value: block.value }) },
    t('admin.remove'));
  remove.addEventListener('click', () => removeBlock(block, remove));
  return el('li', { 'data-block-id': block.id, 'data-kind': block.kind, 'data-value': block.value },
    el('b', {}, t(`admin.kind.${block.kind}`)), ' ', el('span', { class: 'code' }, block.value), remove,
    el('div', { class: 'terms' }, t('admin.blockDetails', { reason: block.reason, by: block.createdBy, at: time(block.createdAt) }), ' · ',
      block.expiresAt ? t('admin.until', { at: time(block.expiresAt) }) : t('admin.noEnd')));
}

async function addBlock(event) {
  event.preventDefault();
  const form = event.target;
  const message = byId('block-message');
  clear(form, message);
  if (!signedIn(message)) return;
  // datetime-local has no zone: it is the admin's local time.
  const expiresAt = form.elements.expiresAt.value ? new Date(form.elements.expiresAt.value).toISOString() : undefined;
  try {
    const block = await call('/api/admin/blocks', {
      method: 'POST',
      body: { kind: form.elements.kind.value, value: form.elements.value.value, reason: form.elements.reason.value, expiresAt },
    });
    say(message, t('admin.blocked', { kind: t(`admin.kind.${block.kind}`), value: block.value }), 'ok');
    form.elements.value.value = '';
    await listBlocks();
  } catch (problem) {
    showProblem(form, message, problem);
  }
}

async function removeBlock(block, button) {
  const message = byId('block-message');
  button.disabled = true;
  try {
    await call(`/api/admin/blocks/${block.id}`, { method: 'DELETE' });
    say(message, t('admin.removed', { value: block.value }), 'ok');
  } catch (problem) {
    say(message, problemText(problem), 'error');
  }
  await listBlocks();
}

// ---- Risk decisions: newest first, a page at a time ----

let decisionQuery = new URLSearchParams({ limit: pageSize });
let oldestDecision = null;
const decisionLoads = new LatestRequest();

async function showDecisions(event) {
  event?.preventDefault();
  const form = byId('decision-filters');
  const message = byId('decisions-message');
  clear(form, message);
  if (!signedIn(message)) return;
  decisionQuery = new URLSearchParams({ limit: pageSize });
  for (const name of ['campaignId', 'shopperId', 'deviceId', 'fingerprint', 'rule']) {
    const value = form.elements[name].value.trim();
    if (value) decisionQuery.set(name, value);
  }
  byId('decisions').replaceChildren();
  try {
    const counts = decisionLoads.next();
    await loadDecisions(counts);
    if (counts()) await showRuleCounts(decisionQuery.get('campaignId'));
  } catch (problem) {
    showProblem(form, message, problem);
  }
}

async function loadDecisions(counts, before) {
  const query = new URLSearchParams(decisionQuery);
  if (before) query.set('before', before);
  const decisions = await call(`/api/admin/risk/decisions?${query}`);
  if (!counts()) return;
  byId('decisions').append(...decisions.map(decisionItem));
  oldestDecision = decisions.at(-1)?.id ?? oldestDecision;
  byId('more-decisions').hidden = decisions.length < pageSize;
  byId('no-decisions').hidden = byId('decisions').children.length > 0;
}

function decisionItem(decision) {
  const facts = [
    decision.campaignId && t('admin.onCampaign', { id: decision.campaignId }),
    decision.shopperId && t('admin.byShopper', { id: decision.shopperId }),
    decision.deviceId && t('admin.fromDevice', { id: decision.deviceId }),
    decision.address && t('admin.fromAddress', { address: decision.address }),
    decision.fingerprint && t('admin.fromFingerprint', { fingerprint: decision.fingerprint }),
    decision.occurrences > 1 && t('admin.occurrences', { times: number(decision.occurrences) }),
  ].filter(Boolean).join(' · ');
  const evidence = Object.keys(decision.evidence ?? {}).length > 0 ? JSON.stringify(decision.evidence) : null;
  return el('li', { 'data-decision-id': decision.id, 'data-rule': decision.rule, 'data-verdict': decision.verdict },
    el('time', { dateTime: decision.decidedAt }, time(decision.decidedAt)),
    el('span', { class: 'verdict', 'data-verdict': decision.verdict }, t(`admin.verdict.${decision.verdict}`)),
    el('b', {}, ruleName(decision.rule)),
    el('div', { class: 'terms' }, facts),
    evidence && el('code', { class: 'evidence' }, evidence));
}

async function showRuleCounts(campaignId) {
  const box = byId('rule-counts');
  box.hidden = !campaignId;
  if (!campaignId) return;
  const counts = await call(`/api/admin/risk/campaigns/${encodeURIComponent(campaignId)}/rules`);
  box.querySelector('dl').replaceChildren(...counts.flatMap(count => [
    el('dt', {}, el('span', { class: 'verdict', 'data-verdict': count.verdict }, t(`admin.verdict.${count.verdict}`)), ruleName(count.rule)),
    el('dd', { 'data-rule': count.rule, 'data-verdict': count.verdict }, number(count.decisions)),
  ]));
  box.querySelector('.empty-note').hidden = counts.length > 0;
}

// ---- Risk rules: the operators' rules in force, each revision kept ----

const conditions = new ConditionRows(byId('rule-conditions'), byId('add-condition'));
// The rule the form revises (Save sends its next revision); null while the form adds a new one.
let editedRule = null;

async function showRiskRules() {
  try {
    const [signals] = await Promise.all([call('/api/admin/risk/signals'), listRiskRules()]);
    conditions.useSignals(signals);
    newRule();
  } catch (problem) {
    say(byId('risk-rule-message'), problemText(problem), 'error');
  }
}

async function listRiskRules() {
  const [rules, removed] = await Promise.all([call('/api/admin/risk/rules'), call('/api/admin/risk/rules/removed')]);
  byId('risk-rules').replaceChildren(...rules.map(riskRuleItem));
  byId('no-risk-rules').hidden = rules.length > 0;
  byId('removed-rules').replaceChildren(...removed.map(riskRuleItem));
  byId('no-removed-rules').hidden = removed.length > 0;
  offerRuleNames(rules.map(rule => rule.name));
}

function offerRuleNames(operatorRules) {
  const names = new Set([...builtInRules, ...operatorRules]);
  byId('rules').replaceChildren(...[...names].map(rule => new Option(ruleName(rule), rule)));
}

const actionText = rule => (rule.action === 'challenge'
  ? t('admin.challengeOf', { difficulty: rule.difficulty }) : t(`admin.action.${rule.action}`));

// A rule in force (edit, revisions, remove), or a removed one as it last stood (restore, which puts that back in
// force as its next revision, and revisions).
function riskRuleItem(rule) {
  const button = (className, text, label) => el('button', { type: 'button', className: `quiet ${className}`, ariaLabel: t(label, { name: rule.name }) },
    t(text));
  const history = button('revisions', 'admin.revisions', 'admin.revisionsOf');
  const timeline = el('ol', { class: 'timeline', hidden: true });
  history.ariaExpanded = 'false';
  history.addEventListener('click', () => toggleRevisions(rule, history, timeline));
  let actions;
  if (rule.removed) {
    const restore = button('restore', 'admin.restore', 'admin.restoreRule');
    restore.addEventListener('click', () => restoreRule(rule, restore));
    actions = [restore, history];
  } else {
    const edit = button('edit', 'admin.edit', 'admin.editRule');
    const remove = button('remove', 'admin.ruleRemove', 'admin.removeRule');
    edit.addEventListener('click', () => editRule(rule));
    pressTwice(remove, t('admin.pressAgain'), t('admin.pressAgainRule', { name: rule.name }), () => removeRule(rule));
    actions = [edit, history, remove];
  }
  const changed = rule.removed
    ? [t('admin.removedBy', { by: rule.changedBy, at: time(rule.changedAt) })]
    : [t('admin.ruleScore', { score: number(rule.score) }), t('admin.revisionBy', { revision: rule.revision, by: rule.changedBy, at: time(rule.changedAt) })];
  return el('li', { 'data-rule-id': rule.id, 'data-revision': rule.revision },
    el('b', {}, rule.name), ' ',
    el('span', { class: 'action', 'data-action': rule.action }, actionText(rule)),
    rule.dryRun ? el('span', { class: 'badge' }, t('admin.dryRunBadge')) : null,
    rule.enabled ? null : el('span', { class: 'badge off' }, t('admin.disabled')),
    el('div', { class: 'terms conditions' }, t('admin.when', { conditions: conditionsText(rule.when) })),
    el('div', { class: 'terms' }, [rule.campaignId ? t('admin.onCampaign', { id: rule.campaignId }) : t('admin.allCampaigns'), ...changed].join(' · ')),
    el('div', { class: 'actions' }, ...actions),
    timeline);
}

async function toggleRevisions(rule, button, timeline) {
  const opening = button.ariaExpanded !== 'true';
  button.ariaExpanded = String(opening);
  timeline.hidden = !opening;
  if (!opening) return;
  try {
    const revisions = await call(`/api/admin/risk/rules/${rule.id}/revisions`);
    timeline.replaceChildren(...revisions.map(revision => revisionItem(revision, rule)));
  } catch (problem) {
    say(byId('risk-rule-message'), problemText(problem), 'error');
  }
}

// A removal is a revision too: it carries the rule as it last stood. Any other revision but the one in force can
// be put back (an edit undone).
function revisionItem(revision, rule) {
  const restorable = !revision.removed && (rule.removed || revision.revision !== rule.revision);
  const restore = restorable ? el('button', { type: 'button', className: 'quiet restore',
    ariaLabel: t('admin.restoreRevision', { name: rule.name, revision: revision.revision }) }, t('admin.restore')) : null;
  restore?.addEventListener('click', () => restoreRule(rule, restore, revision.revision));
  return el('li', { 'data-revision': revision.revision, 'data-removed': revision.removed },
    el('time', { dateTime: revision.changedAt }, time(revision.changedAt)),
    t(revision.removed ? 'admin.revisionRemoved' : 'admin.revisionChanged', { revision: revision.revision, by: revision.changedBy }),
    restore,
    revision.removed ? null : el('div', { class: 'terms' },
      `${revision.name}: ${conditionsText(revision.when)} → ${actionText(revision)} · ${t('admin.ruleScore', { score: number(revision.score) })}`));
}

async function restoreRule(rule, button, revision) {
  const message = byId('risk-rule-message');
  button.disabled = true;
  try {
    const restored = await call(`/api/admin/risk/rules/${rule.id}/restore`, { method: 'POST', body: revision === undefined ? {} : { revision } });
    if (editedRule?.id === rule.id) newRule();
    say(message, t('admin.ruleRestored', { name: restored.name, revision: restored.revision }), 'ok');
  } catch (problem) {
    button.disabled = false;
    say(message, problemText(problem), 'error');
  }
  await listRiskRules().catch(problem => say(message, problemText(problem), 'error'));
}

function ruleForm() {
  return byId('risk-rule');
}

function showDifficulty() {
  byId('rule-difficulty').hidden = ruleForm().elements.action.value !== 'challenge';
}

function newRule() {
  editedRule = null;
  ruleForm().reset();
  conditions.reset();
  showDifficulty();
  byId('risk-rule-heading').textContent = t('admin.newRule');
  byId('cancel-rule-edit').hidden = true;
  byId('rule-trial').hidden = true;
}

function editRule(rule) {
  const form = ruleForm();
  const values = form.elements;
  clear(form, byId('risk-rule-message'));
  editedRule = rule;
  values.name.value = rule.name;
  values.campaignId.value = rule.campaignId ?? '';
  conditions.reset(rule.when);
  values.action.value = rule.action;
  values.difficulty.value = rule.difficulty ?? 1;
  values.score.value = rule.score;
  values.dryRun.checked = rule.dryRun;
  values.enabled.checked = rule.enabled;
  showDifficulty();
  byId('risk-rule-heading').textContent = t('admin.editingRule', { name: rule.name, revision: rule.revision });
  byId('cancel-rule-edit').hidden = false;
  byId('rule-trial').hidden = true;
  values.name.focus();
}

// The form as the API takes a rule; a number left empty is left out, for the API to name.
function ruleBody() {
  const values = ruleForm().elements;
  const optionalNumber = input => (input.value === '' ? undefined : Number(input.value));
  const action = values.action.value;
  return {
    name: values.name.value.trim(),
    campaignId: values.campaignId.value.trim() || undefined,
    when: conditions.read(),
    action,
    difficulty: action === 'challenge' ? optionalNumber(values.difficulty) : undefined,
    score: optionalNumber(values.score),
    dryRun: values.dryRun.checked,
    enabled: values.enabled.checked,
  };
}

// The API reads a malformed campaign id as malformed JSON, refusing the body whole under "$.campaignId":
// said here instead, beside the field.
function campaignIdRefused() {
  const id = ruleForm().elements.campaignId.value.trim();
  if (id === '' || uuid.test(id)) return false;
  ruleForm().querySelector('[data-field=campaignId]').textContent = t('admin.campaignIdFormat');
  return true;
}

// Starts a rule's check: the form's old errors and trial cleared; false when nothing should be sent.
function readyToSend(message) {
  clear(ruleForm(), message);
  byId('rule-trial').hidden = true;
  return signedIn(message) && !campaignIdRefused();
}

async function saveRule(event) {
  event.preventDefault();
  const message = byId('risk-rule-message');
  if (!readyToSend(message)) return;
  try {
    const saved = editedRule
      ? await call(`/api/admin/risk/rules/${editedRule.id}`, { method: 'PUT', body: { ...ruleBody(), revision: editedRule.revision } })
      : await call('/api/admin/risk/rules', { method: 'POST', body: ruleBody() });
    newRule();
    say(message, t('admin.ruleSaved', { name: saved.name, revision: saved.revision }), 'ok');
    await listRiskRules();
  } catch (problem) {
    showProblem(ruleForm(), message, problem);
  }
}

async function tryRule() {
  const message = byId('risk-rule-message');
  if (!readyToSend(message)) return;
  try {
    showTrial(await call('/api/admin/risk/rules/dry-run', { method: 'POST', body: ruleBody() }));
  } catch (problem) {
    showProblem(ruleForm(), message, problem);
  }
}

function showTrial(trial) {
  const box = byId('rule-trial');
  box.querySelector('.summary').textContent = t('admin.trialSummary', {
    verb: t(`admin.would.${trial.action}`), matched: number(trial.matched), claims: number(trial.claims), shoppers: number(trial.shoppers),
  });
  box.querySelector('ul').replaceChildren(...trial.examples.slice(0, shownExamples).map(trialExample));
  box.hidden = false;
}

function trialExample(claim) {
  const facts = [
    t('admin.byShopper', { id: claim.shopperId }),
    t('admin.fromDevice', { id: claim.deviceId }),
    t('admin.fromFingerprint', { fingerprint: claim.fingerprint }),
    t('admin.fromRange', { prefix: claim.prefix }),
    t('admin.onCampaign', { id: claim.campaignId }),
  ];
  return el('li', { 'data-shopper-id': claim.shopperId }, el('time', { dateTime: claim.at }, time(claim.at)), facts.join(' · '));
}

async function removeRule(rule) {
  const message = byId('risk-rule-message');
  try {
    await call(`/api/admin/risk/rules/${rule.id}`, { method: 'DELETE' });
    if (editedRule?.id === rule.id) newRule();
    say(message, t('admin.ruleRemoved', { name: rule.name }), 'ok');
  } catch (problem) {
    say(message, problemText(problem), 'error');
  }
  await listRiskRules().catch(problem => say(message, problemText(problem), 'error'));
}

// ---- A coupon's history ----

const historyLoads = new LatestRequest();

async function showHistory(event) {
  event.preventDefault();
  const form = event.target;
  const message = byId('history-message');
  const timeline = byId('timeline');
  clear(form, message);
  timeline.replaceChildren();
  if (!signedIn(message)) return;
  const id = form.elements.couponId.value.trim();
  if (!id) {
    say(message, t('admin.enterCouponId'), 'error');
    return;
  }
  try {
    const counts = historyLoads.next();
    const events = await call(`/api/admin/coupons/${encodeURIComponent(id)}/history`);
    if (!counts()) return;
    timeline.replaceChildren(...events.map(historyItem));
  } catch (problem) {
    say(message, problemText(problem), 'error');
  }
}

function historyItem(event) {
  const text = t(`admin.event.${event.kind}`, {
    defaultValue: event.kind,
    actor: event.actor,
    counterpart: event.counterpart,
    order: event.orderId,
    amount: event.amount == null ? '' : money(event.amount),
  });
  return el('li', { 'data-kind': event.kind }, el('time', { dateTime: event.at }, time(event.at)), text);
}

// ---- Payments ----

async function listChannels(channels) {
  const list = channels ?? await call('/api/admin/payments/channels');
  byId('channels').replaceChildren(...list.map(channelItem));
}

function channelItem(channel) {
  const state = channel.isolated ? 'isolated' : channel.breaker;
  const action = channel.isolated ? 'restore' : 'isolate';
  const name = channelName(channel.channel);
  const button = el('button', { type: 'button', className: `quiet ${action}`, ariaLabel: t(`admin.${action}Channel`, { channel: name }) },
    t(`admin.${action}`));
  button.addEventListener('click', () => switchChannel(channel.channel, action, button));
  return el('li', { 'data-channel': channel.channel, 'data-state': state },
    el('b', {}, name), ' ', el('span', { class: 'breaker', 'data-state': state }, t(`admin.breaker.${state}`, { defaultValue: state })),
    channel.enabled ? null : el('span', { class: 'terms' }, t('admin.channelDisabled')),
    button);
}

async function switchChannel(channel, action, button) {
  const message = byId('channels-message');
  button.disabled = true;
  try {
    const reason = byId('switch-reason').value.trim() || undefined;
    await listChannels(await call(`/api/admin/payments/channels/${encodeURIComponent(channel)}/${action}`, { method: 'POST', body: { reason } }));
    say(message, t(`admin.${action}d`, { channel: channelName(channel) }), 'ok');
  } catch (problem) {
    button.disabled = false;
    say(message, problemText(problem), 'error');
  }
}

const routeLoads = new LatestRequest();

async function showRoutes(event) {
  event?.preventDefault();
  const form = byId('route-filters');
  const message = byId('routes-message');
  clear(form, message);
  if (!signedIn(message)) return;
  const orderId = form.elements.orderId.value.trim();
  try {
    const counts = routeLoads.next();
    const routes = await call(`/api/admin/payments/routes${orderId ? `?orderId=${encodeURIComponent(orderId)}` : ''}`);
    if (!counts()) return;
    byId('routes').replaceChildren(...routes.slice(0, pageSize).map(routeItem));
    byId('no-routes').hidden = routes.length > 0;
  } catch (problem) {
    showProblem(form, message, problem);
  }
}

function routeItem(route) {
  const considered = route.considered.map(c => t('admin.considered', {
    channel: channelName(c.channel), reason: t(`admin.routeReason.${c.reason}`, { defaultValue: c.reason }), fee: money(c.feeFen / 100),
  }));
  return el('li', { 'data-order-id': route.orderId },
    el('time', { dateTime: route.decidedAt }, time(route.decidedAt)),
    route.channel ? t('admin.routedTo', { order: route.orderId, channel: channelName(route.channel) })
      : t('admin.routedNowhere', { order: route.orderId }),
    el('div', { class: 'terms' }, considered.join(' · ')));
}

// The day whose reports are shown, which the CSV button downloads even if the date field changed since.
let reportDay = null;

// The statements are of China's business days, whatever the admin's zone.
function chinaYesterday() {
  return new Date(Date.now() - 86400000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

async function showReconciliation(event) {
  event?.preventDefault();
  const form = byId('reconciliation');
  const message = byId('reconciliation-message');
  clear(form, message);
  if (!signedIn(message)) return;
  try {
    const date = form.elements.date.value;
    const reports = await call(`/api/admin/payments/reconciliations?date=${encodeURIComponent(date)}`);
    reportDay = date;
    byId('reports').replaceChildren(...reports.map(reportItem));
    byId('no-reports').hidden = reports.length > 0;
    byId('reconciliation-csv').hidden = reports.length === 0;
  } catch (problem) {
    showProblem(form, message, problem);
  }
}

// Runs the day's reconciliation again (each channel's statement fetched and matched now) and shows it.
async function reconcileNow() {
  const form = byId('reconciliation');
  const message = byId('reconciliation-message');
  clear(form, message);
  if (!signedIn(message)) return;
  try {
    const date = form.elements.date.value;
    const reports = await call('/api/admin/payments/reconciliations', { method: 'POST', body: { date } });
    reportDay = date;
    byId('reports').replaceChildren(...reports.map(reportItem));
    byId('no-reports').hidden = reports.length > 0;
    byId('reconciliation-csv').hidden = reports.length === 0;
    say(message, t('admin.reconciled', { count: reports.length }), 'ok');
  } catch (problem) {
    // A gateway that did not hand over its statement still leaves the other channels' reports.
    if (problem.problem?.reports) byId('reports').replaceChildren(...problem.problem.reports.map(reportItem));
    showProblem(form, message, problem);
  }
}

function reportItem(report) {
  const channel = channelName(report.channel);
  const kinds = Map.groupBy(report.differences, d => d.kind);
  return el('li', { 'data-channel': report.channel },
    report.unavailable
      ? t('admin.reportUnavailable', { channel, reason: report.unavailable })
      : t('admin.report', {
        channel, at: time(report.ranAt), rows: number(report.statementRows), matched: number(report.matched),
        differences: number(report.differences.length),
      }),
    kinds.size > 0 ? el('div', { class: 'terms' }, [...kinds].map(([kind, list]) =>
      `${t(`admin.difference.${kind}`, { defaultValue: kind })} ${number(list.length)}`).join(' · ')) : null);
}

async function downloadReconciliation() {
  try {
    await downloadFile(`/api/admin/payments/reconciliations/${reportDay}.csv`, `reconciliation-${reportDay}.csv`, session.token);
  } catch (problem) {
    toast(t('admin.downloadFailed', { status: problem.status }));
  }
}

// ---- The Orleans dashboard ----

// It fetches its data without our bearer header: the API trades the admin's token for a cookie that
// only the dashboard's paths receive, then the dashboard opens in a new tab (as on the board).
async function openDashboard() {
  try {
    await call('/api/admin/dashboard/session', { method: 'POST' });
    window.open('/dashboard/', '_blank');
  } catch (problem) {
    toast(problemText(problem));
  }
}

// Everything an admin sees, drawn again on signing in (the reconciliation when asked for a day); signed out, gone.
async function refresh() {
  byId('cluster-dashboard').hidden = !session.signedIn;
  if (!session.signedIn) {
    for (const list of ['blocks', 'decisions', 'risk-rules', 'removed-rules', 'timeline', 'channels', 'routes', 'reports']) byId(list).replaceChildren();
    for (const extra of document.querySelectorAll('main .empty-note, #rule-counts, #more-decisions, #reconciliation-csv')) extra.hidden = true;
    newRule();
    byId('signed-out-hint').hidden = false;
    return;
  }
  byId('signed-out-hint').hidden = true;
  await Promise.all([
    listBlocks().catch(problem => say(byId('block-message'), problemText(problem), 'error')),
    listChannels().catch(problem => say(byId('channels-message'), problemText(problem), 'error')),
    showDecisions(), showRiskRules(), showRoutes(),
  ]);
}

byId('reconciliation').elements.date.value = chinaYesterday();
byId('block').addEventListener('submit', addBlock);
byId('decision-filters').addEventListener('submit', showDecisions);
byId('more-decisions').addEventListener('click', () =>
  loadDecisions(decisionLoads.same(), oldestDecision).catch(problem => say(byId('decisions-message'), problemText(problem), 'error')));
byId('risk-rule').addEventListener('submit', saveRule);
byId('risk-rule').elements.action.addEventListener('change', showDifficulty);
byId('try-rule').addEventListener('click', tryRule);
byId('cancel-rule-edit').addEventListener('click', () => {
  clear(ruleForm(), byId('risk-rule-message'));
  newRule();
});
byId('history').addEventListener('submit', showHistory);
byId('credit').addEventListener('submit', creditPoints);
byId('route-filters').addEventListener('submit', showRoutes);
byId('reconciliation').addEventListener('submit', showReconciliation);
byId('reconciliation-csv').addEventListener('click', downloadReconciliation);
byId('reconcile-now').addEventListener('click', reconcileNow);
byId('cluster-dashboard').addEventListener('click', openDashboard);

await useLanguage(adminTexts);
offerRuleNames([]);
// Signing out also forgets the dashboard's cookie in this browser, which would outlive the session otherwise.
bindSignIn(session, byId('top'), async () => {
  if (!session.signedIn) await api('/api/admin/dashboard/session', { method: 'DELETE' }).catch(() => {});
  await refresh();
});
await refresh();
