import { describe, expect, it } from 'vitest';
import { JOB_TYPES } from '../../worker/jobs/job-messages.ts';
import { JOB_LABELS } from '../../worker/metrics/catalog.ts';

describe('the job counters of /metrics', () => {
  it('should declare a series for every job type the queue carries, and no other', () => {
    expect([...JOB_LABELS].sort()).toEqual([...JOB_TYPES, 'unreadable'].sort());
  });
});
