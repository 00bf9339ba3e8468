import { clinicQueueOf } from '../clinic-queue/stub.ts';
import { libsqlWriterOf } from '../libsql-writer/stub.ts';
import { metricsObjectOf } from '../metrics/stub.ts';
import { allSessionDirectories, sessionDirectoryOf } from '../session-directory/stub.ts';

/** The Durable Objects an entry point may call, each found the one way its folder defines. */
export function durableObjectsOf(env: Env) {
  return {
    clinicQueue: (clinicId: string) => clinicQueueOf(env, clinicId),
    /** The clinic's settings changed in libSQL: its live queue reads them again (and its SMS month). */
    refreshLiveQueue: (clinicId: string) => clinicQueueOf(env, clinicId).refreshSettings(clinicId),
    libsqlWriter: (clinicId: string) => libsqlWriterOf(env, clinicId),
    metrics: () => metricsObjectOf(env),
    sessionDirectory: (tokenHash: string) => sessionDirectoryOf(env, tokenHash),
    allSessionDirectories: () => allSessionDirectories(env),
  };
}

export type DurableObjects = ReturnType<typeof durableObjectsOf>;
