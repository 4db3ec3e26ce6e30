// A merchant's till: take the coupon a shopper shows (its code, typed or from a scanner that types
// what it reads) against an order, and cancel an order so that its coupons go back to their holders.
import { api, placeFieldErrors } from './api.js';
import { money } from './format.js';
import { Session, bindSignIn } from './session.js';
import { t, useLanguage } from './i18n.js';
import tillTexts from './locales/till.js';

const session = new Session('till', ['merchant']);
const redeemForm = document.getElementById('redeem');
const cancelForm = document.getElementById('cancel');

function say(id, text, kind) {
  const message = document.getElementById(id);
  message.textContent = text;
  message.className = `message ${kind}`;
}

function refused(form, messageId, problem) {
  say(messageId, placeFieldErrors(form, problem), 'error');
}

function clear(form, messageId) {
  form.querySelectorAll('.field-error').forEach(span => { span.textContent = ''; });
  say(messageId, '', '');
}

// Each sale gets its own order number; a retry of the same one is answered as the first time.
const newOrderNumber = () => `till-${crypto.randomUUID().slice(0, 8)}`;

redeemForm.addEventListener('submit', async event => {
  event.preventDefault();
  clear(redeemForm, 'redeem-message');
  if (!session.signedIn) return say('redeem-message', t('till.hint'), 'error');
  const data = redeemForm.elements;
  const amount = Number(data.amount.value);
  const currency = data.currency.value.trim().toUpperCase();
  try {
    const used = await api('/api/merchant/redemptions', {
      method: 'POST', token: session.token,
      body: { code: data.code.value.trim(), orderId: data.orderId.value.trim(), amount: data.amount.value === '' ? undefined : amount, currency },
    });
    say('redeem-message', t('till.taken', {
      discount: money(used.discount, currency), payable: money(amount - used.discount, currency), order: used.orderId,
    }) + (used.balanceLeft != null ? ` ${t('till.balanceLeft', { balance: money(used.balanceLeft, currency) })}` : ''), 'ok');
    data.code.value = '';
    data.orderId.value = newOrderNumber();
  } catch (problem) {
    refused(redeemForm, 'redeem-message', problem);
  }
});

cancelForm.addEventListener('submit', async event => {
  event.preventDefault();
  clear(cancelForm, 'cancel-message');
  if (!session.signedIn) return say('cancel-message', t('till.hint'), 'error');
  const orderId = cancelForm.elements.orderId.value.trim();
  try {
    const refund = await api(`/api/merchant/orders/${encodeURIComponent(orderId)}/refund`, { method: 'POST', token: session.token });
    say('cancel-message', t('till.cancelled', { order: refund.orderId, count: refund.refunded.length }), 'ok');
  } catch (problem) {
    refused(cancelForm, 'cancel-message', problem);
  }
});

await useLanguage(tillTexts);
bindSignIn(session, document.getElementById('top'), () => {
  document.getElementById('till-hint').hidden = session.signedIn;
});
document.getElementById('till-hint').hidden = session.signedIn;
redeemForm.elements.orderId.value = newOrderNumber();
