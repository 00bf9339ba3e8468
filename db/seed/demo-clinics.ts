/**
 * The demo clinics: twelve cabinets in Tunisia and one in France (more, generated, for benchmarks),
 * each with the habits its history is generated from. Two clinics are at churn risk and one has
 * churned, so the SaaS owner's screens have something to say; one more is still opening.
 */
import { addClinicDays, clinicDayOf, instantOfClinicTime } from '../../worker/domain/clinic-time.ts';
import { between, integerBetween, randomFor } from './random.ts';

export interface DemoClinic {
  index: number;
  id: string;
  name: string;
  timezone: string;
  planPriceMinor: number;
  currency: string;
  smsUnitCostMinor: number;
  /** The owner's monthly SMS budget, minor units; null: none. */
  smsBudgetMinor: number | null;
  createdAt: number;
  /** Check-ins on an ordinary weekday. */
  patientsPerDay: number;
  /** Share of patients who check in by scanning the QR code. */
  qrShare: number;
  /** Chance that a called patient is not there (higher on Mondays). */
  noShowRate: number;
  /** Chance that a patient gives up waiting and is cancelled. */
  cancelRate: number;
  /** Friday afternoons are quiet in Tunisia (the Friday prayer). */
  quietFridayAfternoon: boolean;
  /**
   * For a clinic that stopped using the queue app: how many days before today it last logged in
   * (and last had patients). Null for a clinic in use.
   */
  lastLoginDaysAgo: number | null;
}

/** 50 TND a month, in millimes. */
export const DEMO_PLAN_PRICE_MINOR = 50_000;

/**
 * The first clinic's monthly SMS budget, 150 TND: its ~3 SMS per patient with a phone come to
 * roughly 110–130 TND a month, so its SMS card nears the 80 % warning late in the month.
 */
export const DEMO_SMS_BUDGET_MINOR = 150_000;

const NAMED_CLINICS: readonly { name: string; timezone: string }[] = [
  { name: 'Cabinet Dr Ben Salah — La Marsa', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Trabelsi — Sfax Centre', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Gharbi — Ariana', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Jebali — Sousse Khezama', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Mejri — Bizerte', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Hammami — Nabeul', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Ayari — Le Bardo', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Chaabane — Monastir', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Ferchichi — Kairouan', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Bouazizi — Gabès', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Khelifi — El Menzah 6', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Sassi — Hammamet', timezone: 'Africa/Tunis' },
  { name: 'Cabinet Dr Haddad — Paris 11e', timezone: 'Europe/Paris' },
];

const SURNAMES = [
  'Ben Amor', 'Dridi', 'Mansouri', 'Zouari', 'Karoui', 'Belhadj', 'Chebbi', 'Masmoudi', 'Ben Youssef', 'Riahi',
  'Jlassi', 'Baccouche', 'Bouslama', 'Hachicha', 'Kammoun', 'Ellouze', 'Ghannouchi', 'Mzali', 'Sfar', 'Tlili',
];
const TUNISIAN_TOWNS = [
  'Carthage', 'Ben Arous', 'Mahdia', 'Djerba Houmt Souk', 'Gafsa', 'Tozeur', 'Béja', 'Jendouba', 'Le Kram', 'Manouba',
  'Zarzis', 'Kélibia', 'Siliana', 'Kasserine', 'Médenine', 'Tataouine', 'Sidi Bouzid', 'Le Kef', 'Zaghouan', 'Tabarka',
];
const FRENCH_TOWNS = ['Lyon 3e', 'Marseille 5e', 'Nice', 'Toulouse', 'Lille', 'Montreuil', 'Saint-Denis', 'Bordeaux'];

/**
 * Clinics that stopped using the queue app, by index, with the range their last login falls in
 * (days before today): two at churn risk (7–30 days), one churned (over 30). Far enough down the
 * list that the first clinics, the demo doctor's and the simulated ones, stay busy.
 */
const LAPSED_CLINICS: ReadonlyMap<number, readonly [number, number]> = new Map([
  [4, [8, 14]],
  [8, [15, 25]],
  [10, [40, 75]],
]);

/**
 * The demo clinics for `seed`, with `days` of history ending at `now`. The first ones are the same
 * whatever `count` is, so a benchmark database contains the demo one.
 */
export function buildDemoClinics(options: { seed: number; count: number; days: number; now: number }): DemoClinic[] {
  return Array.from({ length: options.count }, (_, index) => {
    const random = randomFor(options.seed, 'clinic', index);
    const { name, timezone } = NAMED_CLINICS[index] ?? generatedClinic(index);
    // Signed up before their history starts, in list order (the first is the oldest), whatever `count` is.
    const createdDay = addClinicDays(clinicDayOf(options.now, 'Africa/Tunis'), -(options.days + 45));
    const lapsed = LAPSED_CLINICS.get(index);
    return {
      index,
      id: `clinic-${String(index + 1).padStart(3, '0')}`,
      name,
      timezone,
      planPriceMinor: DEMO_PLAN_PRICE_MINOR,
      currency: 'TND',
      smsUnitCostMinor: timezone === 'Africa/Tunis' ? 40 : 45,
      smsBudgetMinor: index === 0 ? DEMO_SMS_BUDGET_MINOR : null,
      createdAt: instantOfClinicTime(createdDay, 10 * 60, 'Africa/Tunis') + index * 10 * 60_000,
      patientsPerDay: index === 0 ? 44 : integerBetween(random, 32, 48),
      qrShare: qrShareOf(options.seed, index, random),
      noShowRate: between(random, 0.06, 0.1),
      cancelRate: between(random, 0.02, 0.05),
      quietFridayAfternoon: timezone === 'Africa/Tunis',
      lastLoginDaysAgo: lapsed === undefined ? null : integerBetween(random, lapsed[0], lapsed[1]),
    };
  });
}

/** The clinic still opening: signed up this many days before the demo's today. */
const OPENING_SIGNUP_DAYS_AGO = 12;

/**
 * A clinic signed up twelve days before `now` that nobody has signed in to yet: the admin console's
 * "onboarding" status (PRODUCT.md), counted apart from churn. It has no history and no people: its
 * owner has not set up their account. Its id and name are outside what the generator makes, so a
 * benchmark's thousand clinics never collide with it.
 */
export function openingDemoClinic(now: number): Pick<DemoClinic, 'id' | 'name' | 'timezone' | 'planPriceMinor' | 'currency' | 'smsUnitCostMinor' | 'smsBudgetMinor' | 'createdAt'> {
  const createdDay = addClinicDays(clinicDayOf(now, 'Africa/Tunis'), -OPENING_SIGNUP_DAYS_AGO);
  return {
    id: 'clinic-opening',
    name: 'Cabinet Dr Laabidi — Djerba Midoun',
    timezone: 'Africa/Tunis',
    planPriceMinor: DEMO_PLAN_PRICE_MINOR,
    currency: 'TND',
    smsUnitCostMinor: 40,
    smsBudgetMinor: null,
    createdAt: instantOfClinicTime(createdDay, 11 * 60, 'Africa/Tunis'),
  };
}

/**
 * QR adoption spread evenly over 25–75 % across the first thirteen clinics (the order depends on
 * the seed), so the demo always has both a laggard and a champion; random beyond them.
 */
function qrShareOf(seed: number, index: number, random: () => number): number {
  if (index >= NAMED_CLINICS.length) return between(random, 0.25, 0.75);
  const slot = (((index * 5 + seed) % NAMED_CLINICS.length) + NAMED_CLINICS.length) % NAMED_CLINICS.length;
  return 0.25 + (0.5 * slot) / (NAMED_CLINICS.length - 1);
}

function generatedClinic(index: number): { name: string; timezone: string } {
  const serial = index - NAMED_CLINICS.length;
  const surname = SURNAMES[serial % SURNAMES.length] ?? 'Ben Ali';
  const round = Math.floor(serial / SURNAMES.length);
  // One in eight of the extra clinics is in France: the zone differs, the code must not care.
  if (serial % 8 === 7) {
    const town = FRENCH_TOWNS[round % FRENCH_TOWNS.length] ?? 'Paris';
    return { name: `Cabinet Dr ${surname} — ${town}${suffix(round, FRENCH_TOWNS.length)}`, timezone: 'Europe/Paris' };
  }
  const town = TUNISIAN_TOWNS[round % TUNISIAN_TOWNS.length] ?? 'Tunis';
  return { name: `Cabinet Dr ${surname} — ${town}${suffix(round, TUNISIAN_TOWNS.length)}`, timezone: 'Africa/Tunis' };
}

/** Keeps names unique once every surname and town pair has been used. */
function suffix(round: number, towns: number): string {
  const lap = Math.floor(round / towns);
  return lap === 0 ? '' : ` ${lap + 1}`;
}
