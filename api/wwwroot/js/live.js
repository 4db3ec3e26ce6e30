// The page's connection to /hubs/live (SignalR; the browser client comes from npm, in /lib/signalr).
// With a token the server also sends this user's alerts; without one, only campaigns' stock and
// state. <body data-live> says whether the page is live, and as whom.
import { t } from './i18n.js';

let current;
let generation = 0;
let queue = Promise.resolve();

// One connection per page. A restart (sign-in, sign-out) waits until the previous start settles,
// and a start still retrying gives way to a newer one.
export function startLive(session, handlers) {
  const mine = ++generation;
  queue = queue.catch(() => {}).then(() => (mine === generation ? restart(session, handlers, mine) : undefined));
  return queue;
}

async function restart(session, handlers, mine) {
  if (current) {
    const old = current;
    current = undefined;
    await old.stop();
  }
  const who = session?.signedIn ? 'signed-in' : 'anonymous';
  const options = session?.signedIn ? { accessTokenFactory: () => session.token } : {};
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live', options)
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.None)
    .build();
  for (const [event, handler] of Object.entries(handlers)) {
    if (event !== 'resubscribe') connection.on(event, handler);
  }
  connection.onreconnecting(() => mark(connection, 'reconnecting'));
  // A new connection has no groups: the page subscribes again to what it shows.
  connection.onreconnected(async () => {
    await handlers.resubscribe?.();
    mark(connection, who);
  });
  connection.onclose(() => mark(connection, undefined));
  current = connection;
  // The first start is not covered by automatic reconnects: retry it, backing off, until it works.
  for (let delay = 1000; ; delay = Math.min(delay * 2, 15000)) {
    try {
      await connection.start();
      break;
    } catch {
      if (mine !== generation) return;
      mark(connection, 'offline');
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
  await handlers.resubscribe?.();
  mark(connection, who);
}

function mark(connection, state) {
  if (connection !== current) return;
  if (state && state !== 'offline') document.body.dataset.live = state; else delete document.body.dataset.live;
  const label = document.getElementById('connection');
  if (label) label.textContent = `· ${t(state === 'signed-in' || state === 'anonymous' ? 'common.live' : state === 'reconnecting' ? 'common.reconnecting' : 'common.offline')}`;
}

// Joins a campaign's group on the current connection; answers with its stock now.
export const subscribe = campaignId => current.invoke('Subscribe', campaignId);

export const unsubscribe = campaignId => current.invoke('Unsubscribe', campaignId);

export const isLive = () => current?.state === 'Connected';
