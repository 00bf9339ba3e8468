/** French, Pulse's first language: every other table must have exactly these keys. */
export const fr = {
  appName: 'Pulse',
  darkTheme: 'Thème sombre',

  healthTitle: 'État du service',
  refresh: 'Actualiser',
  refreshing: 'Actualisation…',
  checking: 'Vérification en cours…',
  autoRefresh: (seconds: number) => `Actualisation automatique toutes les ${seconds} secondes.`,
  statusOk: 'Service opérationnel',
  statusDegraded: 'Service dégradé',
  databaseReachable: 'Base de données connectée',
  databaseUnreachable: 'Base de données injoignable',
  latency: 'Latence',
  version: 'Version',
  lastCheck: 'Dernière vérification',
  serverUnreachable: 'Serveur injoignable',
  showingLastKnown: 'Voici le dernier état connu. Nouvel essai automatique.',
  nothingKnownYet: 'Aucun état connu pour l’instant. Nouvel essai automatique.',
  unexpectedAnswer: 'Réponse inattendue du serveur',
  retry: 'Réessayer',

  notFoundTitle: 'Page introuvable',
  notFoundBody: 'Cette adresse ne correspond à aucun écran de Pulse. Elle a peut-être été mal copiée.',
  backToHealth: 'Retour à l’état du service',
};

export type Messages = typeof fr;
