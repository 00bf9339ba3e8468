/** The one Metrics object of the service. */
export function metricsObjectOf(env: Env) {
  return env.METRICS.get(env.METRICS.idFromName('service'));
}
