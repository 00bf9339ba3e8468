import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';

/** Keep in step with `--brand` in src/styles.css and BRAND in scripts/make-icons.ts. */
const BRAND_COLOUR = '#0f766e';
const PAGE_COLOUR = '#f4f7f7';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: 'dist', emptyOutDir: true },
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      // The worker itself, built as /sw.js: installed phones look for updates at that address.
      filename: 'sw.ts',
      // src/register-service-worker.ts registers it through workbox-window, so the plugin injects no script.
      injectRegister: false,
      // The web manifest and its icons are precached by the plugin; these are the other files
      // the shell needs offline, and the badge of notifications (src/notifications/).
      injectManifest: { globPatterns: ['**/*.{html,js,css}'] },
      includeAssets: ['icons/favicon-32.png', 'icons/apple-touch-icon.png', 'icons/badge-96.png'],
      manifest: {
        id: '/',
        name: 'Pulse',
        short_name: 'Pulse',
        description: 'Suivi en direct des files d’attente de vos cabinets : patients, attente, alertes.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: BRAND_COLOUR,
        background_color: PAGE_COLOUR,
        categories: ['medical', 'business'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
