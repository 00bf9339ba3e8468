import { describe, expect, it } from 'vitest';
import {
  ariaSortOf,
  DEFAULT_TABLE_STATE,
  filtered,
  healthQueryOf,
  pageCount,
  sortChoiceOf,
  sortedBy,
  sortedByChoice,
  tableQueryOf,
  tableStateOf,
} from './clinic-table-state';
import { clinicHealthSearch } from '../api/admin';

describe('tableStateOf', () => {
  it('should open on every clinic in use, by name, on the first page', () => {
    expect(tableStateOf({})).toEqual(DEFAULT_TABLE_STATE);
  });

  it('should read a shared link back as it was written', () => {
    const state = { status: 'at_risk', q: 'Bizerte', sort: 'daysSinceLastLogin', order: 'desc', page: 2, archived: false } as const;
    expect(tableStateOf(tableQueryOf(state))).toEqual(state);
  });

  it('should read the clinics still opening as a status of their own', () => {
    const opening = { ...DEFAULT_TABLE_STATE, status: 'onboarding', sort: 'status', order: 'asc' } as const;
    expect(tableQueryOf(opening)).toMatchObject({ status: 'onboarding', sort: 'status' });
    expect(tableStateOf(tableQueryOf(opening))).toEqual(opening);
  });

  it('should fall back to the default for what an old or mistyped link says', () => {
    expect(tableStateOf({ status: 'asleep', sort: 'mood', order: 'sideways', page: '-3', archived: 'yes' })).toEqual(DEFAULT_TABLE_STATE);
    expect(tableStateOf({ page: '2.5' }).page).toBe(1);
    expect(tableStateOf({ status: ['churned', 'active'] }).status).toBe('churned');
  });

  it('should keep a search within what the API accepts', () => {
    expect(tableStateOf({ q: 'x'.repeat(150) }).q).toHaveLength(100);
  });
});

describe('tableQueryOf', () => {
  it('should leave the defaults out of the address', () => {
    expect(Object.values(tableQueryOf(DEFAULT_TABLE_STATE)).every((value) => value === undefined)).toBe(true);
    expect(tableQueryOf({ ...DEFAULT_TABLE_STATE, q: '   ', archived: true })).toMatchObject({ q: undefined, archived: 'true' });
  });
});

describe('sorting by a column header', () => {
  it('should sort a new column ascending, then turn it round, always from the first page', () => {
    const onPage3 = { ...DEFAULT_TABLE_STATE, page: 3 };
    const byPatients = sortedBy(onPage3, 'patientsToday');
    expect(byPatients).toMatchObject({ sort: 'patientsToday', order: 'asc', page: 1 });
    expect(sortedBy(byPatients, 'patientsToday')).toMatchObject({ sort: 'patientsToday', order: 'desc' });
    expect(sortedBy(sortedBy(byPatients, 'patientsToday'), 'patientsToday').order).toBe('asc');
    // The name is sorted A first by default: a click on it gives Z first.
    expect(sortedBy(DEFAULT_TABLE_STATE, 'name')).toMatchObject({ sort: 'name', order: 'desc' });
  });

  it("should read the phone's sort field, a column and an order in one choice", () => {
    const choice = sortChoiceOf({ ...DEFAULT_TABLE_STATE, sort: 'avgWaitToday', order: 'desc' });
    expect(choice).toBe('avgWaitToday:desc');
    expect(sortedByChoice({ ...DEFAULT_TABLE_STATE, page: 2 }, choice)).toMatchObject({ sort: 'avgWaitToday', order: 'desc', page: 1 });
    expect(sortedByChoice(DEFAULT_TABLE_STATE, 'mood:up')).toBe(DEFAULT_TABLE_STATE);
  });

  it('should say on the sorted header only which way it is sorted', () => {
    const state = { ...DEFAULT_TABLE_STATE, sort: 'status', order: 'desc' } as const;
    expect(ariaSortOf(state, 'status')).toBe('descending');
    expect(ariaSortOf({ ...state, order: 'asc' }, 'status')).toBe('ascending');
    expect(ariaSortOf(state, 'name')).toBe('none');
  });
});

describe('filtering and paging', () => {
  it('should go back to the first page when the rows change', () => {
    expect(filtered({ ...DEFAULT_TABLE_STATE, page: 4 }, { status: 'churned' })).toMatchObject({ status: 'churned', page: 1 });
  });

  it('should count pages, one at least', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });

  it('should ask the API for the page on screen', () => {
    const state = { status: 'at_risk', q: ' Sfax ', sort: 'qrShare30d', order: 'desc', page: 2, archived: true } as const;
    expect(Object.fromEntries(new URLSearchParams(clinicHealthSearch(healthQueryOf(state))))).toEqual({
      status: 'at_risk',
      q: 'Sfax',
      sort: 'qrShare30d',
      order: 'desc',
      page: '2',
      pageSize: '25',
      archived: 'true',
    });
  });
});
