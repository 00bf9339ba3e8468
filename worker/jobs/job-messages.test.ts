import { describe, expect, it } from 'vitest';
import { enqueueJobs, JOB_TYPES, JobMessageSchema, SEND_BATCH_LIMIT, type JobMessage, type JobProducer } from './job-messages.ts';

const AT = Date.parse('2026-11-23T03:00:00Z');

describe('job messages', () => {
  it('should accept every job the cron triggers send', () => {
    const jobs = [
      { type: 'alerts.evaluate', at: AT, kinds: ['queue_too_long', 'sms_failures'] },
      { type: 'alerts.evaluate', at: AT, kinds: ['churn_risk'] },
      { type: 'alert.deliver', alertId: 'alert-1', noticeAt: AT },
      { type: 'alerts.release_held', at: AT },
      { type: 'digest.clinic', clinicId: 'cabinet-sfax', weekStart: '2026-11-16' },
      { type: 'digest.service', weekStart: '2026-11-16' },
      { type: 'retention.run', at: AT },
      { type: 'business_snapshot.run', at: 0 },
      { type: 'forecast.clinic', clinicId: 'clinic-a', at: AT },
      { type: 'walk_out_model.refresh', at: AT },
    ] satisfies JobMessage[];
    for (const job of jobs) expect(JobMessageSchema.parse(job)).toEqual(job);
    expect(JOB_TYPES).toEqual(['alerts.evaluate', 'alert.deliver', 'alerts.release_held', 'digest.clinic', 'digest.service', 'forecast.clinic', 'walk_out_model.refresh', 'retention.run', 'business_snapshot.run']);
  });

  it('should refuse what no attempt could run: unknown types, missing or malformed fields, no alert kind', () => {
    const refused: unknown[] = [
      null,
      'retention.run',
      { type: 'retention.purge', at: AT },
      { type: 'retention.run' },
      { type: 'retention.run', at: -1 },
      { type: 'retention.run', at: 1.5 },
      { type: 'retention.run', at: '2026-11-23T03:00:00Z' },
      { type: 'alerts.evaluate', at: AT, kinds: [] },
      { type: 'alerts.evaluate', at: AT, kinds: ['queue_too_short'] },
      { type: 'alert.deliver', alertId: '', noticeAt: AT },
      { type: 'alerts.release_held' },
      { type: 'digest.clinic', clinicId: 'cabinet-sfax', weekStart: '16/11/2026' },
      { type: 'digest.service', weekStart: '2026-11-16T00:00:00Z' },
    ];
    for (const body of refused) expect(JobMessageSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it('should enqueue a Monday of 250 clinic digests in batches of at most 100, in order, as JSON', async () => {
    const sent: Array<Array<{ body: JobMessage; contentType?: 'json' }>> = [];
    const producer: JobProducer = {
      sendBatch: async (messages) => {
        sent.push([...messages]);
      },
    };
    const digests = Array.from({ length: 250 }, (_, index): JobMessage => ({ type: 'digest.clinic', clinicId: `clinic-${index}`, weekStart: '2026-11-16' }));
    await enqueueJobs(producer, digests);
    expect(SEND_BATCH_LIMIT).toBe(100);
    expect(sent.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(sent.flat().map(({ body }) => body)).toEqual(digests);
    expect(new Set(sent.flat().map(({ contentType }) => contentType))).toEqual(new Set(['json']));
  });

  it('should send nothing at all when nothing is due', async () => {
    let calls = 0;
    await enqueueJobs({ sendBatch: async () => (calls += 1) }, []);
    expect(calls).toBe(0);
  });
});
