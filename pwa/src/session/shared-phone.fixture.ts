import type { Account } from '../api/account';
import type { KeyValueStorage } from './device-copies';

/** The demo's first clinic, as `/me` lists it. */
const CLINIC = { id: 'clinic-001', name: 'Cabinet Dr Ben Salah — La Marsa', timezone: 'Africa/Tunis', role: 'clinic_owner' } as const;

/** The doctor and the receptionist of one clinic, sharing the phone at the desk. */
export const DOCTOR: Account = { user: { id: 'user-doctor', email: 'doctor@pulse.local', role: 'member', locale: 'fr' }, clinics: [CLINIC] };
export const RECEPTION: Account = {
  user: { id: 'user-reception', email: 'reception@pulse.local', role: 'member', locale: 'fr' },
  clinics: [{ ...CLINIC, role: 'staff' }],
};

/** 10:00 in Tunis, the morning the doctor last opened Pulse with a network. */
export const TEN_AM = Date.UTC(2026, 2, 9, 9, 0);

/** localStorage as a map, for tests in Node: the same five calls, and the keys to look at. */
export class StoredMap implements KeyValueStorage {
  readonly entries = new Map<string, string>();

  get length(): number {
    return this.entries.size;
  }

  key(index: number): string | null {
    return [...this.entries.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.entries.set(key, value);
  }

  removeItem(key: string): void {
    this.entries.delete(key);
  }
}
