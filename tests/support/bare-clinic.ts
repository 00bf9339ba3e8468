import { testDatabase } from './world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * A clinic row and nothing around it (no people, no keys): for tests that drive a clinic's
 * Durable Objects by RPC, which only read the clinic's zone, SMS cost and archive state.
 */
export async function bareClinic(label: string, options: { timezone?: string; archivedAt?: number } = {}): Promise<string> {
  const id = `${label}-${crypto.randomUUID().slice(0, 8)}`;
  await insertClinics(testDatabase(), [{
    id, name: `Cabinet ${id}`, timezone: options.timezone ?? 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0, archivedAt: options.archivedAt ?? null,
  }]);
  return id;
}
