/**
 * The service worker itself: precache, offline shell, push notifications. Built and served as
 * /sw.js, the address installed phones check for updates, so its name stays; the page registers it
 * from register-service-worker.ts.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { config } from 'zod';
import { chooseWindow, clickUrl } from './notifications/notification-click';
import { notificationFor } from './notifications/push-notification';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// A new version takes over at once, and the first install controls the open page, so Pulse
// works offline from the first visit. A page opened before the update may then ask for a lazy
// chunk (History, admin screens) that neither the new precache nor the new deployment has:
// lazyScreen (navigation/lazy-screen.tsx) catches that and offers to reload into the new version.
self.addEventListener('install', () => {
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// vite-plugin-pwa replaces __WB_MANIFEST with the built files and their revisions.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client routes (/, /clinics/…) open the precached shell; the API, the Prometheus scrape and
// patients' ticket pages (/t/<token>) must always reach the worker, even when someone opens them
// in a tab of a phone that has Pulse installed. A share link's page (/shared/<token>) is the
// shell too, which holds nothing of any link; its answers (/api/v1/shared/…) are API answers,
// which this worker never caches: a revoked link stops showing anything at the next read.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api(?:[/?]|$)/, /^\/metrics(?:[/?]|$)/, /^\/t\//],
  }),
);

// Pushes from the Worker (worker/push/): each shows a notification, as subscriptions promise the
// browser (userVisibleOnly). The page's CSP applies here too and forbids eval: zod parses the
// push message without compiling its parser, as in the page (api/wire.ts).
config({ jitless: true });

self.addEventListener('push', (event) => {
  const { title, options } = notificationFor(event.data?.text() ?? null, self.navigator.language);
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openScreen(clickUrl(event.notification.data, self.location.origin)));
});

/**
 * Brings forward a Pulse window (sent to `url` if it shows another screen) or opens one. Only the
 * windows this worker controls are listed: navigate() refuses the others. focus() comes first,
 * while the tap still allows it.
 */
async function openScreen(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  const action = chooseWindow(url, windows.map((client) => ({ url: client.url, focused: client.focused })));
  const chosen = action.kind === 'focus' ? windows[action.index] : undefined;
  if (action.kind === 'open' || chosen === undefined) {
    await self.clients.openWindow(url);
    return;
  }
  const focused = await chosen.focus();
  if (action.navigate) await focused.navigate(url);
}
