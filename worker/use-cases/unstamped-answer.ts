/** A cached answer as a use case computes it: the freshness fields are stamped by the answer cache. */
export type Unstamped<Answer> = Omit<Answer, 'lastUpdated' | 'dataFreshness' | 'stale' | 'ageSeconds'>;
