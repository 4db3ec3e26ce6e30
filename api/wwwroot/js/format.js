// How coupons, money, durations and times read on the pages.
const symbols = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

export function money(amount, currency) {
  const symbol = symbols[currency];
  return symbol ? `${symbol}${Number(amount)}` : `${Number(amount)} ${currency}`;
}

export function terms(coupon) {
  switch (coupon.kind) {
    case 'fixed': return `${money(coupon.amountOff, coupon.currency)} off`;
    case 'percent': return `${Number(coupon.percentOff)}% off` + (coupon.maxDiscount ? `, up to ${money(coupon.maxDiscount, coupon.currency)}` : '');
    case 'threshold': return `${money(coupon.amountOff, coupon.currency)} off orders from ${money(coupon.minSpend, coupon.currency)}`;
    case 'giftcard': return `Gift card ${money(coupon.cardValue, coupon.currency)}`;
    case 'points': return `${coupon.points} points`;
    default: return coupon.kind;
  }
}

export function duration(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const clock = [Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60]
    .map(n => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days}d ${clock}` : clock;
}

// A .NET TimeSpan as JSON writes it: [d.]hh:mm:ss[.fffffff].
export function timeSpanMs(text) {
  const [, days = 0, hours, minutes, seconds] = /^(?:(\d+)\.)?(\d+):(\d+):([\d.]+)$/.exec(text) ?? [];
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60000 + Number(seconds) * 1000;
}

export function time(iso) {
  return new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export const stateNames = { draft: 'Draft', scheduled: 'Scheduled', open: 'Open', sold_out: 'Sold out', ended: 'Ended', paused: 'Paused' };
