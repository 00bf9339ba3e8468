/**
 * The routes' preloads (`preload` of @solidjs/router): on navigation, and when a link is hovered
 * or touched, a screen's reads start alongside its code rather than once it has rendered. Each
 * screen's queries arrive by dynamic import, like the screen itself, so the first bundle carries
 * neither; a chunk that cannot load is the lazy screen's to explain (navigation/lazy-screen.tsx).
 */
import type { RoutePreloadFunc } from '@solidjs/router';
import { useSession } from '../session/SessionProvider';

const ignore = (): undefined => undefined;

/** The selected clinic's history, for the window in the address; nothing before the session knows the clinic. */
export const preloadHistory: RoutePreloadFunc = ({ location }) => {
  const clinicId = useSession()[0].clinic?.id;
  if (clinicId === undefined) return;
  import('../history/history-queries').then((reads) => reads.preloadHistory(clinicId, location.query['timeframe'])).catch(ignore);
};

/** The user's settings, and the alert settings of each clinic they own. */
export const preloadSettings: RoutePreloadFunc = () => {
  const clinics = useSession()[0].account?.clinics ?? [];
  const owned = clinics.filter((clinic) => clinic.role === 'clinic_owner').map((clinic) => clinic.id);
  import('../settings/settings-queries').then((reads) => reads.preloadSettings(owned)).catch(ignore);
};

const adminReads = () => import('../admin/admin-queries').then((reads) => reads.preloadAdmin);

export const preloadAdminHome: RoutePreloadFunc = () => {
  adminReads().then((admin) => admin.home()).catch(ignore);
};

export const preloadAdminClinics: RoutePreloadFunc = ({ location }) => {
  adminReads().then((admin) => admin.clinics(location.query)).catch(ignore);
};

/** A clinic's detail, and its edit form: the same answer. */
export const preloadAdminClinic: RoutePreloadFunc = ({ params }) => {
  const clinicId = params['clinicId'];
  if (clinicId !== undefined) adminReads().then((admin) => admin.clinic(clinicId)).catch(ignore);
};

export const preloadAdminTrends: RoutePreloadFunc = ({ location }) => {
  adminReads().then((admin) => admin.trends(location.query['timeframe'])).catch(ignore);
};

export const preloadAdminActivation: RoutePreloadFunc = ({ location }) => {
  adminReads().then((admin) => admin.activation(location.query)).catch(ignore);
};

export const preloadAdminRevenue: RoutePreloadFunc = () => {
  adminReads().then((admin) => admin.revenue()).catch(ignore);
};
