/**
 * The ticket page's style and script, served by the Worker as files of their own
 * (`/api/v1/ticket-page.css`, `/api/v1/ticket-page.js`): the Content-Security-Policy allows no
 * inline code. Plain ES2017 and CSS that phones of the last ten years read; no framework, no
 * request anywhere but the page itself.
 */

export const TICKET_STYLE = `:root { color-scheme: light dark; --ink: #111; --paper: #fff; --muted: #444; --called: #0b6b2a; --problem: #8a1c1c; }
@media (prefers-color-scheme: dark) { :root { --ink: #f4f4f4; --paper: #121212; --muted: #c8c8c8; --called: #3fbf6a; --problem: #ff8a80; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.0625rem; line-height: 1.45; }
main { max-width: 28rem; margin: 0 auto; padding: 1.25rem 1rem 2.5rem; text-align: center; }
.clinic { margin: 0 0 1rem; font-size: 1.125rem; font-weight: 600; overflow-wrap: anywhere; }
h1 { margin: 0 0 1.25rem; font-size: 1.25rem; font-weight: 600; }
h1 .label { display: block; }
h1 .number { display: block; font-size: 4.5rem; line-height: 1.1; font-weight: 800; font-variant-numeric: tabular-nums; }
.status { border: 3px solid currentColor; border-radius: .75rem; padding: 1rem; }
.status p { margin: 0; }
.status .headline { font-size: 1.5rem; font-weight: 700; }
.status .headline + .detail, .status .detail + .detail { margin-top: .5rem; }
.tone-called { background: var(--called); border-color: var(--called); color: var(--paper); }
.tone-called .headline { font-size: 2rem; }
.tone-problem { border-color: var(--problem); }
.updated, .offline, .note { margin: 1rem 0 0; color: var(--muted); }
.offline { color: var(--problem); font-weight: 600; }
[hidden] { display: none !important; }
`;

/**
 * Asks for the page again every `data-poll-seconds` (sooner when the phone comes back to it) and
 * swaps in what changed; the live region is only touched when its words change, so a screen reader
 * speaks on a change, not at every poll. Says how long ago the last answer came, by the phone's own
 * clock. Stops once the ticket is final (seen, cancelled, expired…). A refusal for now (429, 5xx,
 * no network) keeps what is shown, says so, and tries again later.
 */
export const TICKET_SCRIPT = `const main = document.getElementById('ticket');
const pollMs = Number(main.dataset.pollSeconds || 10) * 1000;
let receivedAt = Date.now();
let timer = 0;
let asking = false;

function showAge() {
  const updated = document.getElementById('ticket-updated');
  if (!updated) return;
  const seconds = Math.max(0, Math.floor((Date.now() - receivedAt) / 1000));
  const template = seconds < 60 ? updated.dataset.secondsAgo : updated.dataset.minutesAgo;
  updated.textContent = template.replace('{n}', String(seconds < 60 ? seconds : Math.floor(seconds / 60)));
  updated.hidden = false;
}

function setOffline(offline) {
  const note = document.getElementById('ticket-offline');
  if (note) note.hidden = !offline;
}

function apply(fresh, title) {
  const status = document.getElementById('ticket-status');
  const freshStatus = fresh.querySelector('#ticket-status');
  const before = [];
  const after = [];
  let seen = false;
  for (const node of Array.from(fresh.children)) {
    if (node === freshStatus) seen = true;
    else (seen ? after : before).push(document.importNode(node, true));
  }
  for (const node of Array.from(main.children)) if (node !== status) node.remove();
  status.before(...before);
  status.after(...after);
  if (freshStatus && freshStatus.textContent !== status.textContent) {
    status.className = freshStatus.className;
    while (status.firstChild) status.removeChild(status.firstChild);
    for (const node of Array.from(freshStatus.childNodes)) status.appendChild(document.importNode(node, true));
  }
  const wasCalled = main.dataset.state === 'called';
  main.dataset.state = fresh.dataset.state;
  main.dataset.final = fresh.dataset.final;
  document.title = title;
  if (!wasCalled && main.dataset.state === 'called' && navigator.vibrate) navigator.vibrate([400, 200, 400]);
}

function later(ms) {
  clearTimeout(timer);
  timer = setTimeout(ask, ms);
}

async function ask() {
  if (asking || main.dataset.final === 'true') return;
  asking = true;
  try {
    const response = await fetch(location.href, { headers: { Accept: 'text/html' }, cache: 'no-store', credentials: 'omit' });
    if (response.status === 429 || response.status >= 500) {
      setOffline(true);
      later(Math.max(5, Number(response.headers.get('Retry-After')) || 15) * 1000);
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.getElementById('ticket');
    if (!fresh) throw new Error('not a ticket page');
    apply(fresh, page.title);
    receivedAt = Date.now();
    setOffline(false);
    showAge();
    if (main.dataset.final !== 'true') later(pollMs);
  } catch (error) {
    setOffline(true);
    later(15000);
  } finally {
    asking = false;
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && Date.now() - receivedAt >= pollMs) ask();
});
setInterval(showAge, 1000);
showAge();
later(pollMs);
`;
