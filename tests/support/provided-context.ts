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
  }
}

export {};
