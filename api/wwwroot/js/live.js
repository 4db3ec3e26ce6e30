// The page's connection to /hubs/live (SignalR; the browser client comes from npm, in /lib/signalr).
// With a token the server also sends this user's alerts; without one, only campaigns' stock and
// state. <body data-live> says whether the page is live, and as whom.
let current;

export async function startLive(session, handlers) {
  if (current) {
    delete document.body.dataset.live;
    await current.stop();
  }
  const who = session?.signedIn ? 'signed-in' : 'anonymous';
  const options = session?.signedIn ? { accessTokenFactory: () => session.token } : {};
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live', options)
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
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
  await connection.start();
  await handlers.resubscribe?.();
  mark(connection, who);
  return connection;
}

function mark(connection, state) {
  if (connection !== current) return;
  if (state) document.body.dataset.live = state; else delete document.body.dataset.live;
  const label = document.getElementById('connection');
  if (label) label.textContent = state === 'signed-in' || state === 'anonymous' ? '· live' : state ? `· ${state}…` : '· offline';
}

// Joins a campaign's group on the current connection; answers with its stock now.
export const subscribe = campaignId => current.invoke('Subscribe', campaignId);

export const isLive = () => current?.state === 'Connected';
