import { describe, expect, it } from 'vitest';
import type { MetricsRecorder } from '../metrics/recorder.ts';
import { LiveSockets, type LiveChanges } from './live-sockets.ts';

const NOW = Date.parse('2026-12-07T10:00:00+01:00');
const metrics: MetricsRecorder = { count: () => {}, observe: () => {}, reportQueue: () => {} };

/** An object's sockets as the runtime hands them over: `open` phones, each keeping what it was sent. */
function objectWith(open: number) {
  const sent: string[][] = Array.from({ length: open }, () => []);
  const sockets = sent.map((inbox) => ({ send: (text: string) => inbox.push(text), readyState: 1 }));
  const ctx = { getWebSockets: () => sockets } as unknown as DurableObjectState;
  return { ctx, sent };
}

/** Broadcasts at once (the clock moves past the 250 ms interval each time) and answers what each message was asked to carry. */
function broadcaster(open: number) {
  const { ctx, sent } = objectWith(open);
  let now = NOW;
  const sockets = new LiveSockets(ctx, { clock: { now: () => now }, metrics });
  const asked: LiveChanges[] = [];
  const tell = () => {
    now += 1_000;
    sockets.scheduleBroadcast((changes) => {
      asked.push(changes);
      return JSON.stringify(changes.kind);
    });
  };
  return { sockets, tell, asked, sent };
}

describe("what a clinic's live updates carry", () => {
  it('should name the entries changed since the last message, and nothing of the messages before', () => {
    const { sockets, tell, asked, sent } = broadcaster(0);
    // Woken with no phone: nothing to catch up on.
    sockets.entriesChanged(['e1', 'e2']);
    tell();
    expect(asked).toEqual([]);
    const phones = broadcaster(2);
    phones.sockets.entriesChanged(['e1']);
    phones.tell();
    phones.sockets.entriesChanged(['e2', 'e3']);
    phones.tell();
    expect(phones.asked.map((changes) => (changes.kind === 'update' ? [...changes.entryIds] : 'snapshot'))).toEqual([['e1'], ['e2', 'e3']]);
    expect(phones.sent.map((inbox) => inbox.length)).toEqual([2, 2]);
    expect(sent).toEqual([]);
  });

  it('should send the whole list after a new day or a reload, then updates again', () => {
    const { sockets, tell, asked } = broadcaster(1);
    sockets.everythingChanged();
    tell();
    sockets.entriesChanged(['e9']);
    tell();
    expect(asked.map((changes) => changes.kind)).toEqual(['snapshot', 'update']);
  });

  it('should, once woken from hibernation under open sockets, send updates as before: nothing was left unsent', () => {
    const { sockets, tell, asked } = broadcaster(3);
    sockets.entriesChanged(['e5']);
    tell();
    expect(asked).toEqual([{ kind: 'update', entryIds: new Set(['e5']) }]);
  });
});
