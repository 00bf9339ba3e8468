import { describe, expect, it } from 'vitest';
import { notePointIndex } from './chart-notes.ts';

describe('where a note lands on a chart', () => {
  const days = ['2026-11-10', '2026-11-11', '2026-11-12'].map((day) => ({ from: day, to: day }));
  // A year's chart: weeks Monday to Sunday, the first clipped to the window (it starts on a Thursday).
  const weeks = [
    { from: '2025-11-13', to: '2025-11-16' },
    { from: '2025-11-17', to: '2025-11-23' },
    { from: '2025-11-24', to: '2025-11-30' },
  ];

  it('should put a note on its own day on a daily chart', () => {
    expect(notePointIndex('2026-11-11', days)).toBe(1);
    expect(notePointIndex('2026-11-12', days)).toBe(2);
  });

  it('should put a note on the week holding its day on a weekly chart, the week’s first and last days included', () => {
    expect(notePointIndex('2025-11-13', weeks)).toBe(0);
    expect(notePointIndex('2025-11-17', weeks)).toBe(1);
    expect(notePointIndex('2025-11-20', weeks)).toBe(1);
    expect(notePointIndex('2025-11-23', weeks)).toBe(1);
    expect(notePointIndex('2025-11-30', weeks)).toBe(2);
  });

  it('should place a note outside the chart nowhere', () => {
    expect(notePointIndex('2026-11-09', days)).toBe(-1);
    expect(notePointIndex('2025-12-01', weeks)).toBe(-1);
    expect(notePointIndex('2026-11-11', [])).toBe(-1);
  });
});
