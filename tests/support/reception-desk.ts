import { api, type World } from './world.ts';

/** Today's figures as the reception screen reads them. */
export interface DeskFigures {
  waiting: number;
  seenToday: number;
  noShowsToday: number;
  doctorPresent: boolean;
  checkIns: { qr: number; manual: number };
}

/** Clinic A's reception desk, signed in with `token`: its actions and today's figures. */
export function receptionDesk(world: World, token: string) {
  const base = `/clinics/${world.clinicA}`;
  return {
    token,
    post: (path: string, json?: unknown) => api(world, `${base}${path}`, { method: 'POST', token, ...(json === undefined ? {} : { json }) }),
    figures: async () => (await api(world, `${base}/stats/today`, { token })).json<DeskFigures>(),
  };
}
