/** The ClinicQueue of one clinic: one object per clinic id, wherever it lives. */
export function clinicQueueOf(env: Env, clinicId: string) {
  return env.CLINIC_QUEUE.get(env.CLINIC_QUEUE.idFromName(clinicId));
}
