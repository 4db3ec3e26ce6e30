// Batches (tiers a shopper picks, each with its own stock) or variants (A/B arms shoppers are split
// into by weight) on the marketing form: one row each. A row's coupon is the form's coupon with the
// row's own value (the amount off, percent, card value or points, as the kind has it).
import { el } from './dom.js';
import { t } from './i18n.js';

const valueField = { fixed: 'amountOff', threshold: 'amountOff', percent: 'percentOff', giftcard: 'cardValue', points: 'points' };

export class UnitRows {
  constructor(form) {
    this.form = form;
    this.mode = form.elements.unitMode;
    this.body = form.querySelector('#unit-rows');
    this.addButton = form.querySelector('#add-unit');
    this.mode.addEventListener('change', () => this.render());
    this.addButton.addEventListener('click', () => this.add());
    this.render();
  }

  get kind() { return this.mode.value; }

  render() {
    const on = this.kind !== 'none';
    this.body.hidden = !on;
    this.addButton.hidden = !on;
    for (const name of ['totalStock', 'amountOff', 'percentOff', 'cardValue', 'cardPoints']) {
      this.form.elements[name].closest('label').classList.toggle('from-rows', on);
    }
    if (on && this.body.children.length === 0) {
      this.add();
      this.add();
    }
    for (const weight of this.body.querySelectorAll('.weight')) weight.hidden = this.kind !== 'variants';
  }

  add(values = {}) {
    const index = this.body.children.length;
    const input = (name, attributes) => el('label', { className: name === 'weight' ? 'weight' : '' },
      el('span', {}, t(`mk.unit.${name}`)), el('input', { name: `unit-${name}`, ...attributes, value: values[name] ?? attributes.value ?? '' }),
      el('span', { class: 'field-error', 'data-field': `${this.kind}[${index}].${name === 'value' ? 'coupon' : name}` }));
    const remove = el('button', { type: 'button', className: 'quiet remove-unit', ariaLabel: t('mk.unit.remove') }, '×');
    const row = el('div', { class: 'unit-row' },
      input('key', { maxLength: 32, placeholder: `b${index + 1}`, value: `b${index + 1}` }),
      input('name', { maxLength: 100 }),
      input('value', { type: 'number', min: 0, step: 0.01 }),
      input('totalStock', { type: 'number', min: 1, value: 100 }),
      input('weight', { type: 'number', min: 1, value: 1 }),
      remove);
    remove.addEventListener('click', () => row.remove());
    this.body.append(row);
    this.render();
  }

  // The rows as the API's batches or variants; undefined without any.
  read(coupon) {
    if (this.kind === 'none') return undefined;
    return [...this.body.children].map(row => {
      const value = name => row.querySelector(`[name=unit-${name}]`).value.trim();
      const unit = {
        key: value('key'),
        name: value('name') || undefined,
        coupon: { ...coupon, [valueField[coupon.kind]]: value('value') === '' ? undefined : Number(value('value')) },
        totalStock: value('totalStock') === '' ? undefined : Number(value('totalStock')),
      };
      if (this.kind === 'variants') unit.weight = Number(value('weight') || 1);
      return unit;
    });
  }
}
