import { describe, expect, it } from 'vitest';
import { clinicHealthSearch, clinicsCsvUrl, parseAdminClinic, parseAdminMetrics, parseOwnerInvitation, parseTimelinePage } from './admin';

/** The business of a morning: two clinics at risk, one churned, no alert yet. */
const METRICS = {
  asOf: '2026-11-25T08:30:00.000Z',
  totalClinics: 13,
  activeClinics: { count: 12, window: '30d' },
  onboardingClinics: { count: 0, window: '30d' },
  mrr: [{ currency: 'TND', amountMinor: 600_000, sevenDaysAgoMinor: 650_000, changePercent: -7.7 }],
  patientsToday: { count: 212, window: 'clinic_today' },
  smsToday: { count: 340, cost: [{ currency: 'TND', amountMinor: 13_600 }], window: 'clinic_today' },
  smsFailureRate: { rate: null, sent: 12, failed: 1, window: '1h', minimumSent: 20 },
  churnRisk: {
    count: 3,
    share: 0.2308,
    atRisk: 2,
    churned: 1,
    clinics: [{ clinicId: 'clinic-005', name: 'Cabinet Dr Mejri — Bizerte', status: 'at_risk', daysSinceLastLogin: 9 }],
    window: '7d',
  },
  qrAdoption: { today: 0.48, last30Days: 0.51 },
  averageQueueLength: { value: 4.5, openQueues: 10 },
  firingAlerts: [],
};

const CLINIC = {
  clinicId: 'clinic-005',
  name: 'Cabinet Dr Mejri — Bizerte',
  timezone: 'Africa/Tunis',
  status: 'at_risk',
  daysSinceLastLogin: 9,
  lastLoginAt: '2026-11-16T09:00:00.000Z',
  patientsToday: 0,
  avgWaitToday: null,
  planPrice: { currency: 'TND', amountMinor: 50_000 },
  qrShare30d: 0.4,
  archived: false,
  smsUnitCost: { currency: 'TND', amountMinor: 40 },
  createdAt: '2026-06-01T09:00:00.000Z',
  archivedAt: null,
  owners: [{ userId: 'user-owner-5', email: 'dr.mejri@cabinet.tn', pending: true }],
};

describe('the admin answers', () => {
  it('should take the business figures as the API sends them', () => {
    expect(parseAdminMetrics(METRICS).churnRisk.clinics[0]?.name).toBe('Cabinet Dr Mejri — Bizerte');
  });

  it('should name the field that broke the contract', () => {
    const asleep = { clinicId: 'x', name: 'X', status: 'asleep', daysSinceLastLogin: 1 };
    expect(() => parseAdminMetrics({ ...METRICS, churnRisk: { ...METRICS.churnRisk, clinics: [asleep] } })).toThrow(/churnRisk\.clinics\.0\.status/);
    expect(() => parseAdminMetrics({ ...METRICS, patientsToday: { count: 212, window: 'utc_today' } })).toThrow(/patientsToday\.window/);
  });

  it("should unwrap a clinic's detail, its pending owner marked", () => {
    expect(parseAdminClinic({ clinic: CLINIC }).owners).toEqual([{ userId: 'user-owner-5', email: 'dr.mejri@cabinet.tn', pending: true }]);
    expect(() => parseAdminClinic(CLINIC)).toThrow(/clinic/);
  });

  it('should read a page of the timeline and its cursor', () => {
    const login = { id: '41', kind: 'clinic_login', at: '2026-11-16T09:00:00.000Z', userId: 'user-owner-5', detail: { platform: 'web' } };
    const page = { items: [login], nextCursor: '1763283600000.41' };
    expect(parseTimelinePage(page)).toEqual(page);
  });

  it('should read an invitation, the link only where the API handed it over, and refuse a state it does not know', () => {
    const mailed = {
      id: 'inv-1', email: 'dr.mejri@cabinet.tn', role: 'clinic_owner', state: 'pending',
      invitedAt: '2026-11-21T08:30:00.000Z', sentAt: '2026-11-21T08:30:00.000Z', expiresAt: '2026-11-28T08:30:00.000Z',
    } as const;
    expect(parseOwnerInvitation(mailed)).toEqual(mailed);
    const handedOver = { ...mailed, setupUrl: 'https://pulse.test/setup#token=abc' };
    expect(parseOwnerInvitation(handedOver)).toEqual(handedOver);
    expect(() => parseOwnerInvitation({ ...mailed, expiresAt: 'in seven days' })).toThrow(/expiresAt/);
    expect(() => parseOwnerInvitation({ ...mailed, state: 'lost' })).toThrow(/state/);
  });
});

describe('clinicHealthSearch', () => {
  it('should ask for the clinics in use unless the archived ones are wanted, without an empty search', () => {
    const query = { status: null, q: '  ', sort: 'name', order: 'asc', page: 1, pageSize: 25, archived: false } as const;
    expect(clinicHealthSearch(query)).toBe('sort=name&order=asc&page=1&pageSize=25');
  });
});

describe('clinicsCsvUrl', () => {
  it("should carry the table's filters and order to the export, never its page", () => {
    expect(clinicsCsvUrl({ status: null, q: ' ', sort: 'name', order: 'asc', archived: false })).toBe('/api/v1/admin/clinics.csv?sort=name&order=asc');
    expect(clinicsCsvUrl({ status: 'at_risk', q: ' Médina ', sort: 'planPrice', order: 'desc', archived: true })).toBe(
      '/api/v1/admin/clinics.csv?sort=planPrice&order=desc&status=at_risk&q=M%C3%A9dina&archived=true',
    );
  });
});
