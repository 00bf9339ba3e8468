import { clinicQueueOf } from '../clinic-queue/stub.ts';
import { libsqlWriterOf } from '../libsql-writer/stub.ts';
import { metricsObjectOf } from '../metrics/stub.ts';

/** The Durable Objects an entry point may call, each found the one way its folder defines. */
export function durableObjectsOf(env: Env) {
  return {
    clinicQueue: (clinicId: string) => clinicQueueOf(env, clinicId),
    libsqlWriter: (clinicId: string) => libsqlWriterOf(env, clinicId),
    metrics: () => metricsObjectOf(env),
  };
}

export type DurableObjects = ReturnType<typeof durableObjectsOf>;
