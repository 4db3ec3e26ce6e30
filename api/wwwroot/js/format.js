// How coupons, money, durations and times read on the pages, in the page's language (i18n.js).
import { locale, t } from './i18n.js';

// ¥50, ¥9.90: whole amounts without decimals, as prices are written on posters.
export function money(amount, currency = 'CNY') {
  try {
    return new Intl.NumberFormat(locale(), {
      style: 'currency', currency, currencyDisplay: 'narrowSymbol', trailingZeroDisplay: 'stripIfInteger',
    }).format(Number(amount));
  } catch {
    return `${Number(amount)} ${currency}`;
  }
}

export function number(value) {
  return Number(value ?? 0).toLocaleString(locale());
}

export function percent(ratio, digits = 1) {
  return ratio == null || !Number.isFinite(ratio) ? '–'
    : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

export function terms(coupon) {
  const c = coupon.currency;
  switch (coupon.kind) {
    case 'fixed': return t('coupon.fixed', { off: money(coupon.amountOff, c) });
    case 'percent': return coupon.maxDiscount
      ? t('coupon.percentCapped', { percent: Number(coupon.percentOff), cap: money(coupon.maxDiscount, c) })
      : t('coupon.percent', { percent: Number(coupon.percentOff) });
    case 'threshold': return t('coupon.threshold', { off: money(coupon.amountOff, c), from: money(coupon.minSpend, c) });
    case 'giftcard': return t('coupon.giftcard', { value: money(coupon.cardValue, c) });
    case 'points': return t('coupon.points', { points: coupon.points });
    default: return coupon.kind;
  }
}

// A countdown's clock face: 00:04:59, or 2d 03:00:00.
export function duration(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const clock = [Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60]
    .map(n => String(n).padStart(2, '0')).join(':');
  return days > 0 ? t('common.daysAndClock', { days, clock }) : clock;
}

// A duration as people write it: "5 min 42 s", "5分钟42秒"; at most two units, to the second.
export function spoken(ms) {
  let rest = Math.max(0, Math.round(ms / 1000));
  const parts = {};
  for (const [unit, size] of [['days', 86400], ['hours', 3600], ['minutes', 60], ['seconds', 1]]) {
    if (rest >= size && Object.keys(parts).length < 2) {
      parts[unit] = Math.floor(rest / size);
      rest %= size;
    } else if (Object.keys(parts).length > 0) {
      break;
    }
  }
  if (Object.keys(parts).length === 0) parts.seconds = 0;
  return new Intl.DurationFormat(locale(), { style: 'short' }).format(parts);
}

// A .NET TimeSpan as JSON writes it: [d.]hh:mm:ss[.fffffff].
export function timeSpanMs(text) {
  const [, days = 0, hours, minutes, seconds] = /^(?:(\d+)\.)?(\d+):(\d+):([\d.]+)$/.exec(text) ?? [];
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60000 + Number(seconds) * 1000;
}

// The browser's zone unless a campaign's is given; the zone is named where it is not the browser's.
export function time(iso, timeZone) {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return new Date(iso).toLocaleString(locale(), {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
    ...(timeZone && timeZone !== own ? { timeZone, timeZoneName: 'short' } : {}),
  });
}

export function day(iso) {
  return new Date(iso).toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

export const stateName = state => t(`state.${state}`, { defaultValue: state });
