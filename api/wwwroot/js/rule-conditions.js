// A risk rule's conditions on the admin page, one row each: a signal (with what it means beside it), optionally
// per another signal (a ratio), a comparison and a number; all must hold. Each row's error spans are named by its place (when[0].value…)
// and renumbered when a row goes, so that the API's errors land beside the row they are about.
import { el } from './dom.js';
import { number } from './format.js';
import { t } from './i18n.js';

// As many as the API takes (RuleValidation.MaxConditions).
const maxConditions = 10;
const symbols = new Map([['>=', '≥'], ['>', '>'], ['<=', '≤'], ['<', '<'], ['==', '='], ['!=', '≠']]);

// What a signal means, as the API put it in the page's language (it is asked with the page's Accept-Language).
const meaning = signal => signal.meaning;

// "fingerprint.accounts ≥ 5 and fingerprint.devices ÷ fingerprint.accounts > 2".
export function conditionsText(when) {
  return when.map(c => `${c.signal}${c.per ? ` ÷ ${c.per}` : ''} ${symbols.get(c.op) ?? c.op} ${number(c.value)}`).join(t('admin.and'));
}

export class ConditionRows {
  constructor(box, addButton) {
    this.box = box;
    this.addButton = addButton;
    this.signals = [];
    this.made = 0;
    addButton.addEventListener('click', () => this.add().querySelector('select').focus());
  }

  // The signals rules can test, as GET /api/admin/risk/signals lists them: [{ name, meaning }].
  useSignals(signals) {
    this.signals = signals;
  }

  get rows() {
    return [...this.box.children];
  }

  // One row per condition given; one empty row for a new rule.
  reset(conditions = [{}]) {
    this.box.replaceChildren();
    for (const condition of conditions) this.add(condition);
  }

  add({ signal = this.signals[0]?.name, op = '>=', value = '', per = null } = {}) {
    const hintId = `condition-hint-${++this.made}`;
    const signalSelect = el('select', { name: 'signal' },
      ...this.signals.map(s => el('option', { value: s.name, title: meaning(s) }, s.name)));
    // A signal the server no longer lists stays as it was, for the server to refuse beside it, rather than turn silently into another.
    if (signal && !this.signals.some(s => s.name === signal)) signalSelect.append(new Option(signal, signal));
    signalSelect.value = signal ?? '';
    signalSelect.setAttribute('aria-describedby', hintId);
    const perSelect = el('select', { name: 'per' }, new Option(t('admin.perNothing'), ''),
      ...this.signals.map(s => el('option', { value: s.name, title: meaning(s) }, s.name)));
    if (per && !this.signals.some(s => s.name === per)) perSelect.append(new Option(per, per));
    perSelect.value = per ?? '';
    const opSelect = el('select', { name: 'op' }, ...[...symbols].map(([code, symbol]) => new Option(symbol, code)));
    opSelect.value = op;
    const hint = el('p', { id: hintId, class: 'terms hint' });
    const remove = el('button', { type: 'button', className: 'quiet remove-condition' }, '×');
    const row = el('div', { class: 'condition' },
      field('admin.signal', signalSelect, 'signal'),
      field('admin.per', perSelect, 'per'),
      field('admin.comparison', opSelect, 'op'),
      field('admin.number', el('input', { name: 'value', type: 'number', step: 'any', value, autocomplete: 'off' }), 'value'),
      remove, hint);
    signalSelect.addEventListener('change', () => this.explain(row));
    remove.addEventListener('click', () => {
      row.remove();
      this.renumber();
      this.addButton.focus();
    });
    this.box.append(row);
    this.explain(row);
    this.renumber();
    return row;
  }

  // The conditions as the API takes them; an empty number is left out, for the API to name.
  read() {
    return this.rows.map(row => {
      const value = row.querySelector('[name=value]').value;
      const per = row.querySelector('[name=per]').value;
      return {
        signal: row.querySelector('[name=signal]').value,
        per: per === '' ? undefined : per,
        op: row.querySelector('[name=op]').value,
        value: value === '' ? undefined : Number(value),
      };
    });
  }

  explain(row) {
    const chosen = this.signals.find(s => s.name === row.querySelector('[name=signal]').value);
    row.querySelector('.hint').textContent = chosen ? meaning(chosen) : '';
  }

  renumber() {
    this.rows.forEach((row, i) => {
      for (const span of row.querySelectorAll('.field-error')) span.dataset.field = `when[${i}].${span.dataset.part}`;
      const remove = row.querySelector('.remove-condition');
      remove.ariaLabel = t('admin.removeCondition', { number: i + 1 });
      // A rule needs one condition at least.
      remove.hidden = this.rows.length === 1;
    });
    this.addButton.disabled = this.rows.length >= maxConditions;
  }
}

function field(labelKey, control, part) {
  return el('label', {}, el('span', {}, t(labelKey)), control, el('span', { class: 'field-error', 'data-part': part }));
}
