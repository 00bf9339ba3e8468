import { describe, expect, it } from 'vitest';
import { liveUrl, parseLiveFrame } from './live-message';
import { TEN_AM_UPDATE } from './ten-am.fixture';

describe('parseLiveFrame', () => {
  it('should read a snapshot and an update of the queue as the Worker sends them', () => {
    expect(parseLiveFrame(JSON.stringify(TEN_AM_UPDATE))).toEqual({ kind: 'queue', message: TEN_AM_UPDATE });
    const snapshot = { ...TEN_AM_UPDATE, type: 'snapshot' };
    expect(parseLiveFrame(JSON.stringify(snapshot))).toEqual({ kind: 'queue', message: snapshot });
  });

  it('should read the answer to a keep-alive', () => {
    expect(parseLiveFrame('pong')).toEqual({ kind: 'pong' });
  });

  it('should refuse a frame that breaks the shared schema, saying where', () => {
    const wrongCount = { ...TEN_AM_UPDATE, figures: { ...TEN_AM_UPDATE.figures, waiting: 'two' } };
    expect(parseLiveFrame(JSON.stringify(wrongCount))).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('figures.waiting') });
    const unknownState = { ...TEN_AM_UPDATE, entries: [{ ...TEN_AM_UPDATE.entries[0], state: 'teleported' }] };
    expect(parseLiveFrame(JSON.stringify(unknownState))).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('entries.0.state') });
    expect(parseLiveFrame(JSON.stringify({ ...TEN_AM_UPDATE, type: 'gossip' }))).toMatchObject({ kind: 'malformed' });
  });

  it('should refuse what is not JSON text', () => {
    expect(parseLiveFrame('{"type":')).toEqual({ kind: 'malformed', reason: 'not JSON' });
    expect(parseLiveFrame(new ArrayBuffer(4))).toEqual({ kind: 'malformed', reason: 'not a text frame' });
  });
});

describe('liveUrl', () => {
  it('should open the socket on the page’s own origin, secure beside https', () => {
    expect(liveUrl('https://pulse.example.tn', 'clinic-001')).toBe('wss://pulse.example.tn/api/v1/clinics/clinic-001/live');
    expect(liveUrl('http://127.0.0.1:8787', 'clinic-001')).toBe('ws://127.0.0.1:8787/api/v1/clinics/clinic-001/live');
  });

  it('should keep a strange clinic id inside its path segment', () => {
    expect(liveUrl('https://pulse.example.tn', '../admin')).toBe('wss://pulse.example.tn/api/v1/clinics/..%2Fadmin/live');
  });
});
