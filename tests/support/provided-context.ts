/** What the integration tests' global setup provides to the tests (`inject`). */
declare module 'vitest' {
  interface ProvidedContext {
    /** LIBSQL_URL of the real sqld this test run migrated. */
    libsqlUrl: string;
    /** LIBSQL_AUTH_TOKEN for it: sqld checks JWTs as Turso does. */
    libsqlAuthToken: string;
    /**
     * A second database, migrated and empty, for tests of figures over the whole service (the
     * admin console), which other test files' clinics in the shared database would disturb.
     */
    serviceLibsqlUrl: string;
    serviceLibsqlAuthToken: string;
    /** The test SMTP server (tests/support/smtp-global-setup.ts): plain SMTP, AUTH PLAIN/LOGIN. */
    smtpHost: string;
    smtpPort: number;
    /** The only login it accepts. */
    smtpUser: string;
    smtpPassword: string;
    /** A loopback port nothing listens on: an SMTP server that cannot be reached. */
    smtpClosedPort: number;
    /** A loopback SMTP server that greets, then closes the connection on the first command. */
    smtpHangupPort: number;
    /** The fake mail provider and the read-back of what both test mail servers received. */
    mailInspectorUrl: string;
    /** The HTTPS push service and browsers of tests/support/push-receiver.ts (a test-CA certificate). */
    pushReceiverUrl: string;
    /** The Worker's VAPID key pair for this run (base64url point and scalar). */
    vapidPublicKey: string;
    vapidPrivateKey: string;
    /** The e2e runs' seeded demo database, a stopped sqld's folder each test file's stack starts from a copy of. */
    demoSnapshot: string;
  }
}

export {};
