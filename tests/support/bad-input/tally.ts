/**
 * What the bad-input property test sent to one endpoint, carried from the test (inside workerd) to
 * the summary reporter (in Node) as the test's task meta.
 */
export interface BadInputTally {
  /** `POST /api/v1/admin/clinics`. */
  endpoint: string;
  /** Inputs the route's own schemas refuse: each answered 4xx in the error shape, changing nothing. */
  refused: number;
  /** Inputs the schemas accept, sent too: none may answer 5xx. */
  accepted: number;
  /** The answers to the refused inputs by status, e.g. `{ "400": 990, "413": 10 }`. */
  statuses: Record<string, number>;
  milliseconds: number;
}

declare module 'vitest' {
  interface TaskMeta {
    badInput?: BadInputTally;
    /** Write routes that take no input (nothing to get wrong), listed once. */
    badInputWithoutInput?: string[];
  }
}
