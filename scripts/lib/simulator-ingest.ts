import type { Database } from '../../db/client.ts';
import { insertApiKey, revokeApiKeysNamed } from '../../db/queries/api-keys.ts';
import { newApiKey } from '../../worker/auth/api-key-format.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import type { SimulatorSink } from './simulator.ts';

const KEY_NAME = 'Simulateur de démonstration (npm start)';

/**
 * The simulator as a queue app: each simulated clinic gets an API key of its own (the previous
 * run's are revoked) and its events go through `POST /api/v1/ingest/events`, into the ClinicQueue.
 */
export async function ingestThroughApi(db: Database, baseUrl: string, clinicIds: readonly string[]): Promise<SimulatorSink> {
  const keys = new Map<string, string>();
  const now = Date.now();
  for (const clinicId of clinicIds) {
    await revokeApiKeysNamed(db, clinicId, KEY_NAME, now);
    const key = newApiKey();
    await insertApiKey(db, { id: crypto.randomUUID(), clinicId, name: KEY_NAME, prefix: key.prefix, secretHash: await sha256Hex(key.secret), createdAt: now });
    keys.set(clinicId, key.key);
  }
  return async (clinicId, events) => {
    const response = await fetch(`${baseUrl}/api/v1/ingest/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.get(clinicId) ?? ''}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    const text = await response.text();
    // Anything but a clean acceptance makes the simulator reload its view of the queue.
    if (!response.ok || !text.includes('"rejected":[]')) throw new Error(`ingestion answered ${response.status}: ${text.slice(0, 300)}`);
  };
}
