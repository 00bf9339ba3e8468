import { defineConfig } from 'vitest/config';
import { createTestCa, trustTestCa } from './tests/support/test-ca.ts';

// Tests run with a fixed zone so nothing passes only in one; clinic zones are explicit in the code.
process.env.TZ = 'UTC';

// workerd trusts the CAs miniflare lists for its "internet" service, read from
// NODE_EXTRA_CA_CERTS once, when miniflare loads: the run's test CA (HTTPS servers of the tests,
// like the push receiver) must be in it before the plugin is imported, hence the late import.
trustTestCa(createTestCa());
const { cloudflareTest } = await import('@cloudflare/vitest-plugin');

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Request logs of passing tests are noise; a failing test keeps its output.
    silent: 'passed-only',
    projects: [
      {
        // Pure domain logic, the Worker's modules that need no binding, and Node tooling (seed,
        // migrations, sqld), in Node. A Worker module's test that needs workerd is `*.workerd.test.ts`.
        test: {
          name: 'unit',
          environment: 'node',
          // Pure modules and tooling: a fresh module graph per file buys nothing but half a second a file.
          isolate: false,
          include: ['tests/unit/**/*.test.ts', 'worker/**/*.test.ts', 'pwa/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'worker/**/*.workerd.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The Worker inside workerd (miniflare), against a real sqld.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                LIBSQL_URL: inject('libsqlUrl'),
                LIBSQL_AUTH_TOKEN: inject('libsqlAuthToken'),
                IP_HASH_KEY: 'test-ip-hash-key',
                METRICS_TOKEN: 'test-metrics-token-of-at-least-32-characters',
                VAPID_PUBLIC_KEY: inject('vapidPublicKey'),
                VAPID_PRIVATE_KEY: inject('vapidPrivateKey'),
                // The tests' own push service, on loopback, besides the browsers' ones.
                PUSH_SERVICE_EXTRA_HOSTS: '127.0.0.1,localhost',
                // Digests and alerts leave over SMTP to the tests' own server (smtp-global-setup.ts).
                MAIL_TRANSPORT: 'smtp',
                SMTP_HOST: inject('smtpHost'),
                SMTP_PORT: String(inject('smtpPort')),
                SMTP_SECURE: 'off',
                SMTP_USER: inject('smtpUser'),
                SMTP_PASSWORD: inject('smtpPassword'),
                // Retries follow at once: the dead-letter test walks through every attempt.
                JOB_RETRY_BASE_SECONDS: '0',
              },
              // Miniflare's local send_email binding, for the cloudflare mailer (tests/integration/mail.test.ts);
              // wrangler.toml declares none, since on Cloudflare it needs a verified sending domain.
              email: { send_email: [{ name: 'SEND_EMAIL', allowed_destination_addresses: ['direction@pulse.tn'] }] },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['tests/integration/**/*.test.ts', 'worker/**/*.workerd.test.ts'],
          globalSetup: ['tests/support/database-global-setup.ts', 'tests/support/smtp-global-setup.ts', 'tests/support/push-global-setup.ts'],
          setupFiles: ['tests/support/openapi-zod-first.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Several real Workers (wrangler dev) in front of one sqld: what isolates share.
        test: {
          name: 'stack',
          environment: 'node',
          include: ['tests/stack/**/*.stack.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The built PWA in a real Chromium against wrangler dev.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/demo-snapshot-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
