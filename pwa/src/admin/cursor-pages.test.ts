import { describe, expect, it } from 'vitest';
import { appendPage } from './cursor-pages';

const item = (id: string, at: string) => ({ id, kind: 'clinic_login', at });
const idOf = (entry: { id: string }) => entry.id;

describe('appendPage', () => {
  it('should add the older page after the newer one, keeping the order the API gave', () => {
    const first = [item('9', '2026-11-25T08:00:00.000Z'), item('8', '2026-11-24T08:00:00.000Z')];
    const older = [item('5', '2026-11-20T08:00:00.000Z')];
    expect(appendPage(first, older, idOf).map(idOf)).toEqual(['9', '8', '5']);
  });

  it('should show an item once even when two pages both hold it', () => {
    const first = [item('9', '2026-11-25T08:00:00.000Z'), item('8', '2026-11-24T08:00:00.000Z')];
    const overlapping = [item('8', '2026-11-24T08:00:00.000Z'), item('7', '2026-11-23T08:00:00.000Z')];
    expect(appendPage(first, overlapping, idOf).map(idOf)).toEqual(['9', '8', '7']);
  });
});
