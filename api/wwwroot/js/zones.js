// Wall-clock times in a named time zone, for the marketing form: a campaign opening "10:00 in
// Asia/Shanghai" is the same instant whatever zone the marketer's browser is in.

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// An instant as a datetime-local value (yyyy-MM-ddTHH:mm:ss) on the zone's clocks.
export function wallClock(ms, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map(part => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

// A datetime-local value read on the zone's clocks, as an instant. The zone's offset is looked up
// twice: once near the guess, once at the answer, which settles daylight-saving edges.
export function instantOf(local, zone) {
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(asUtc)) return NaN;
  const offsetAt = ms => Date.parse(`${wallClock(ms, zone)}Z`) - ms;
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}
