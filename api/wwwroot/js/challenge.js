// The proof of work a doubtful claim is asked for (issue 21). The API answers such a claim with an ALTCHA
// challenge; solve() shows the ALTCHA widget in a dialog, has it solve the challenge in Web Workers at
// once, and resolves with the payload to send again with the claim as its X-Altcha header.
// The widget is its build for a strict CSP: its stylesheet and its PBKDF2 worker are files of our own
// origin, and it sets styles through the CSSOM only. A page that calls solve() passes
// locales/challenge.js to useLanguage().
import '/lib/altcha/altcha.min.js';
import { el } from './dom.js';
import { t } from './i18n.js';

// The one algorithm the API issues (ProofOfWork.Algorithm).
globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker('/lib/altcha/workers/pbkdf2.js'));
document.head.append(el('link', { rel: 'stylesheet', href: '/lib/altcha/altcha.css' }));

// language is the page's (i18n.js's language()), for the widget's own words. Rejects with an Error whose
// message is for the shopper and whose reason is 'closed' (the shopper closed the dialog), 'expired' (not
// solved in the challenge's lifetime) or 'failed' (the widget could not run, e.g. outside a secure context).
export function solve(challenge, { language }) {
  const { $altcha } = globalThis;
  $altcha.i18n.set(language, {
    ...$altcha.i18n.get('en'),
    label: t('challenge.label'),
    verifying: t('challenge.verifying'),
    verified: t('challenge.verified'),
    error: t('challenge.failed'),
    expired: t('challenge.expired'),
  });

  const title = el('h2', { id: 'challenge-title' }, t('challenge.title'));
  const widget = el('altcha-widget');
  const cancel = el('button', { type: 'button', class: 'quiet' }, t('common.cancel'));
  const dialog = el('dialog', {}, title, el('p', {}, t('challenge.why')), widget, el('p', {}, cancel));
  dialog.setAttribute('aria-labelledby', title.id);
  // Aborting stops the widget's workers: a closed dialog must not go on spending the phone's battery.
  const work = new AbortController();

  return new Promise((resolve, reject) => {
    const end = settle => {
      if (work.signal.aborted) return;
      work.abort();
      dialog.close();
      dialog.remove();
      settle();
    };
    const fail = reason => end(() => reject(Object.assign(new Error(t(`challenge.${reason}`)), { reason })));

    cancel.addEventListener('click', () => fail('closed'));
    dialog.addEventListener('cancel', event => {
      event.preventDefault();
      fail('closed');
    });
    widget.addEventListener('expired', () => fail('expired'));
    // The widget's methods exist once it has loaded.
    widget.addEventListener('load', async () => {
      widget.configure({
        challenge,
        language,
        hideFooter: true,
        humanInteractionSignature: false,
        // The widget gives up after 90 s by default; the challenge's own expiry is the limit that matters.
        timeout: Math.max(1, challenge.parameters.expiresAt * 1000 - Date.now()),
      });
      const solved = await widget.verify({ controller: work });
      if (solved?.payload) end(() => resolve(solved.payload));
      else fail('failed');
    }, { once: true });

    document.body.append(dialog);
    dialog.showModal();
  });
}
