import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

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

// Client routes (/, /clinics/…) open the precached shell; the API and the Prometheus scrape
// must always reach the worker, even when someone opens them in a tab.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api(?:[/?]|$)/, /^\/metrics(?:[/?]|$)/],
  }),
);
