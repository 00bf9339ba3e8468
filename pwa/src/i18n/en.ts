import type { Messages } from './fr';

export const en: Messages = {
  appName: 'Pulse',
  darkTheme: 'Dark theme',

  healthTitle: 'Service health',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  checking: 'Checking…',
  autoRefresh: (seconds: number) => `Refreshes automatically every ${seconds} seconds.`,
  statusOk: 'Service operational',
  statusDegraded: 'Service degraded',
  databaseReachable: 'Database connected',
  databaseUnreachable: 'Database unreachable',
  latency: 'Latency',
  version: 'Version',
  lastCheck: 'Last check',
  serverUnreachable: 'Server unreachable',
  showingLastKnown: 'Showing the last known status. Retrying automatically.',
  nothingKnownYet: 'No status known yet. Retrying automatically.',
  unexpectedAnswer: 'Unexpected answer from the server',
  retry: 'Try again',

  notFoundTitle: 'Page not found',
  notFoundBody: 'This address matches no screen in Pulse. It may have been copied wrongly.',
  backToHealth: 'Back to service health',
};
