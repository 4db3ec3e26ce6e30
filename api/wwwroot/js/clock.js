// The server's clock as seen from this browser. Countdowns and claim buttons follow it, not the
// device's clock, which may be minutes off: the server alone decides when a sale opens.
import { api } from './api.js';

let offsetMs = 0;

export const serverClock = {
  now: () => Date.now() + offsetMs,

  // Keeps the probe with the shortest round trip and assumes the server read its clock halfway.
  async sync(probes = 5) {
    let best = null;
    for (let i = 0; i < probes; i++) {
      const sent = Date.now();
      const { now } = await api('/api/time');
      const received = Date.now();
      const roundTrip = received - sent;
      if (!best || roundTrip < best.roundTrip) {
        best = { roundTrip, offset: Date.parse(now) - (sent + roundTrip / 2) };
      }
    }
    offsetMs = best.offset;
  },

  // A refusal that says the server's time is evidence too; used when it is far from ours.
  heard(serverNow) {
    const offset = Date.parse(serverNow) - Date.now();
    if (Math.abs(offset - offsetMs) > 1000) offsetMs = offset;
  },
};
