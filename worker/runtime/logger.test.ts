import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.ts';

const NOW = '2026-11-24T08:15:00.000Z';

/** A logger writing to a list, at a pinned instant, and its lines parsed back. */
function captured(base?: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  return { logger: createLogger(base, (line) => lines.push(line)), lines, parsed: () => lines.map((line): unknown => JSON.parse(line)) };
}

describe('the logger', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should write one JSON line per call: level, time, message, then the base fields and the call\'s own', () => {
    vi.useFakeTimers({ now: Date.parse(NOW) });
    const { logger, lines, parsed } = captured({ requestId: 'req-1' });
    logger.info('request', { route: '/api/v1/health', status: 200 });
    logger.warn('request', { status: 503 });
    expect(lines).toEqual([
      `{"level":"info","time":"${NOW}","message":"request","requestId":"req-1","route":"/api/v1/health","status":200}`,
      `{"level":"warn","time":"${NOW}","message":"request","requestId":"req-1","status":503}`,
    ]);
    expect(parsed()).toHaveLength(2);
  });

  it('should carry `with` fields on every later line, the call\'s own fields winning, without changing the logger it came from', () => {
    const { logger, parsed } = captured({ queue: 'pulse-jobs', job: 'batch' });
    const jobLogger = logger.with({ job: 'retention.run', messageId: 'm-7' });
    jobLogger.info('retention done', { deleted: 12, messageId: 'm-8' });
    logger.info('batch done');
    expect(parsed()).toEqual([
      { level: 'info', time: expect.any(String), message: 'retention done', queue: 'pulse-jobs', job: 'retention.run', messageId: 'm-8', deleted: 12 },
      { level: 'info', time: expect.any(String), message: 'batch done', queue: 'pulse-jobs', job: 'batch' },
    ]);
  });

  it('should give an error line the message and stack of an Error, the text of anything else thrown, and drop undefined fields', () => {
    const { logger, parsed } = captured();
    const failure = new Error('libSQL did not answer');
    logger.error('job failed', failure, { clinicId: undefined, attempts: 3 });
    logger.error('job failed', 'plain text', { attempts: 1 });
    const [first, second] = parsed();
    expect(first).toEqual({ level: 'error', time: expect.any(String), message: 'job failed', attempts: 3, error: 'libSQL did not answer', stack: failure.stack });
    expect(second).toEqual({ level: 'error', time: expect.any(String), message: 'job failed', attempts: 1, error: 'plain text' });
  });

  it('should write to console.log when given nowhere else', () => {
    const written = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      createLogger({ requestId: 'r' }).info('hello');
      expect(written).toHaveBeenCalledTimes(1);
      expect(JSON.parse(String(written.mock.calls[0]?.[0]))).toMatchObject({ level: 'info', message: 'hello', requestId: 'r' });
    } finally {
      written.mockRestore();
    }
  });
});
