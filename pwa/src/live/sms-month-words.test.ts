import { describe, expect, it } from 'vitest';
import type { SmsMonth } from '../api/sms-budget';
import { costPerSeenLine, smsBudgetLevel, smsBudgetWarning, smsMonthLine, smsStaleLine } from './sms-month-words';

/** fr writes "49,600 TND" with a no-break space, thousands with a narrow one. */
const NBSP = '\u00a0';

/** 124 SMS, 49,600 TND of an 80 TND budget (62 %), 81 TND expected by the month's end. */
const MARCH: SmsMonth = {
  monthToDate: { count: 124, costMinor: 49_600 },
  budgetMinor: 80_000,
  budgetShare: 0.62,
  projectedMonthEndMinor: 81_000,
  costPerSeenMinor: 107,
  currency: 'TND',
};

describe("the month's SMS on Aujourd'hui", () => {
  it('should say the count, the cost, the share of the budget and the month-end estimate in one line', () => {
    expect(smsMonthLine(MARCH, 'fr')).toBe(`SMS ce mois${NBSP}: 124 · 49,600${NBSP}TND · 62${NBSP}% du budget · fin de mois estimée 81,000${NBSP}TND`);
    expect(smsMonthLine(MARCH, 'en')).toBe(`SMS this month: 124 · TND${NBSP}49.600 · 62% of budget · month-end estimate TND${NBSP}81.000`);
  });

  it('should leave out the share without a budget and the estimate before there is one', () => {
    const early = { ...MARCH, budgetMinor: null, budgetShare: null, projectedMonthEndMinor: null };
    expect(smsMonthLine(early, 'fr')).toBe(`SMS ce mois${NBSP}: 124 · 49,600${NBSP}TND`);
    expect(smsBudgetLevel(early)).toBe('none');
    expect(smsBudgetWarning(early, 'fr')).toBeNull();
  });

  it('should warn in words from 80 % of the budget, and say when it is spent', () => {
    expect([0.62, 0.7999, 0.8, 0.99, 1, 1.12].map((budgetShare) => smsBudgetLevel({ ...MARCH, budgetShare }))).toEqual(['within', 'within', 'nearly_spent', 'nearly_spent', 'over', 'over']);
    expect(smsBudgetWarning({ ...MARCH, budgetShare: 0.8 }, 'fr')).toBe(`Attention${NBSP}: budget SMS presque atteint`);
    expect(smsBudgetWarning({ ...MARCH, budgetShare: 1.12 }, 'en')).toBe('SMS budget exceeded');
  });

  it('should warn when the month-end estimate passes the budget before 80 % is reached', () => {
    // 62 % spent, 81 TND expected against 80.
    expect(smsBudgetWarning(MARCH, 'en')).toBe('Warning: the month-end estimate is above the budget');
    expect(smsBudgetWarning({ ...MARCH, projectedMonthEndMinor: 80_000 }, 'en')).toBeNull();
  });

  it('should give the cost per patient seen, and nothing while nobody was seen', () => {
    expect(costPerSeenLine(MARCH, 'fr')).toBe(`Coût SMS par patient vu${NBSP}: 0,107${NBSP}TND`);
    expect(costPerSeenLine({ ...MARCH, costPerSeenMinor: null }, 'fr')).toBeNull();
  });

  it('should say how old the month is while the database is down', () => {
    expect(smsStaleLine(MARCH, 'en')).toBeNull();
    expect(smsStaleLine({ ...MARCH, stale: true, ageSeconds: 180 }, 'en')).toBe('Earlier days of the month as read 3 min. ago: the database is not answering.');
  });
});
