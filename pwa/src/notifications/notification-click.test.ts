import { describe, expect, it } from 'vitest';
import { chooseWindow, clickUrl } from './notification-click';

const ORIGIN = 'https://pulse.example.tn';

describe('clickUrl', () => {
  it('should open the screen the notification names, on this origin', () => {
    expect(clickUrl({ url: '/today' }, ORIGIN)).toBe('https://pulse.example.tn/today');
    expect(clickUrl({ url: '/history?timeframe=7d' }, ORIGIN)).toBe('https://pulse.example.tn/history?timeframe=7d');
  });

  it('should open the home screen for anything that would leave Pulse or is not a path', () => {
    for (const url of ['https://elsewhere.example/', '//elsewhere.example/today', '/\\elsewhere.example', 'javascript:alert(1)', 'today', 42]) {
      expect(clickUrl({ url }, ORIGIN)).toBe('https://pulse.example.tn/');
    }
    expect(clickUrl(null, ORIGIN)).toBe('https://pulse.example.tn/');
    expect(clickUrl('/today', ORIGIN)).toBe('https://pulse.example.tn/');
  });
});

describe('chooseWindow', () => {
  const today = 'https://pulse.example.tn/today';
  const history = 'https://pulse.example.tn/history';
  const account = 'https://pulse.example.tn/account';

  it('should open a new window when no Pulse window is open', () => {
    expect(chooseWindow(today, [])).toEqual({ kind: 'open' });
  });

  it('should bring forward a window already on the screen, without reloading it', () => {
    const windows = [
      { url: history, focused: true },
      { url: today, focused: false },
    ];
    expect(chooseWindow(today, windows)).toEqual({ kind: 'focus', index: 1, navigate: false });
  });

  it('should send the window in use to the screen, else the first one', () => {
    expect(chooseWindow(today, [{ url: history, focused: false }, { url: account, focused: true }])).toEqual({ kind: 'focus', index: 1, navigate: true });
    expect(chooseWindow(today, [{ url: history, focused: false }, { url: account, focused: false }])).toEqual({ kind: 'focus', index: 0, navigate: true });
  });
});
