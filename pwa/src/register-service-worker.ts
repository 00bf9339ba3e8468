import { Workbox } from 'workbox-window';

/**
 * Registers the service worker (sw.ts, served as /sw.js), so the app shell opens without the network.
 * Not in `vite dev`, which builds no service worker. A failed registration leaves a working
 * online app, so it is logged rather than shown.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  new Workbox('/sw.js').register().catch((error: unknown) => {
    console.error('Pulse: service worker registration failed', error);
  });
}
