import { A, Route, Router, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { AdminArea } from './components/admin/AdminArea';
import { Navigation } from './components/Navigation';
import { TopBar } from './components/TopBar';
import { t } from './i18n/locale';
import { SignedIn, SuperAdminOnly } from './navigation/guards';
import { lazyScreen } from './navigation/lazy-screen';
import {
  preloadAdminActivation,
  preloadAdminRevenue,
  preloadAdminClinic,
  preloadAdminClinics,
  preloadAdminHome,
  preloadAdminTrends,
  preloadHistory,
  preloadSettings,
} from './navigation/route-preloads';
import Account from './screens/Account';
import Health from './screens/Health';
import Home from './screens/Home';
import ForgotPassword from './screens/ForgotPassword';
import Login from './screens/Login';
import NotFound from './screens/NotFound';
import Setup from './screens/Setup';
import Today from './screens/Today';
import { SessionProvider, useSession } from './session/SessionProvider';

/** Fetched on first visit: its charts bring chart.js, which the first screen must not wait for. */
const History = lazyScreen(() => import('./screens/History'));
/** The administration is one person's: its screens (and their charts) never weigh on a clinic's first load. */
const Admin = lazyScreen(() => import('./screens/Admin'));
const AdminClinics = lazyScreen(() => import('./screens/admin/Clinics'));
const AdminClinicNew = lazyScreen(() => import('./screens/admin/ClinicNew'));
const AdminClinicDetail = lazyScreen(() => import('./screens/admin/ClinicDetail'));
const AdminClinicEdit = lazyScreen(() => import('./screens/admin/ClinicEdit'));
const AdminTrends = lazyScreen(() => import('./screens/admin/Trends'));
const AdminFailedJobs = lazyScreen(() => import('./screens/admin/FailedJobs'));
const AdminRecentErrors = lazyScreen(() => import('./screens/admin/RecentErrors'));
const AdminActivation = lazyScreen(() => import('./screens/admin/Activation'));
const AdminRevenue = lazyScreen(() => import('./screens/admin/Revenue'));
const Audit = lazyScreen(() => import('./screens/Audit'));
/** Opened now and then, and it brings the push enrolment and the settings' schemas: not for the first load. */
const Settings = lazyScreen(() => import('./screens/Settings'));

/** Screens that are themselves the way in: no "sign in" link below them. */
const WAYS_IN = ['/login', '/setup'];

/** Top bar on every screen; the navigation once signed in; a way to sign in on public screens. */
function Shell(props: RouteSectionProps): JSX.Element {
  const [state] = useSession();
  const location = useLocation();
  const offerSignIn = () => state.session.status === 'signedOut' && !WAYS_IN.includes(location.pathname);
  return (
    <div class="app" classList={{ 'with-nav': state.account !== null }}>
      <TopBar />
      <Show when={state.account}>{(account) => <Navigation role={account().user.role} />}</Show>
      <main class="content">
        {props.children}
        <Show when={offerSignIn()}>
          <p class="sign-in-offer">
            <A href="/login" class="text-link">
              {t().signIn}
            </A>
          </p>
        </Show>
      </main>
    </div>
  );
}

export function App(): JSX.Element {
  return (
    <SessionProvider>
      <Router root={Shell}>
        {/* Public: the ways in, and the service health, which must work signed out and offline. */}
        <Route path="/login" component={Login} />
        <Route path="/forgot-password" component={ForgotPassword} />
        <Route path="/setup" component={Setup} />
        <Route path="/health" component={Health} />
        <Route component={SignedIn}>
          <Route path="/" component={Home} />
          <Route path="/today" component={Today} />
          <Route path="/history" component={History} preload={preloadHistory} />
          <Route path="/account" component={Account} />
          <Route path="/settings" component={Settings} preload={preloadSettings} />
          <Route component={SuperAdminOnly}>
            <Route component={AdminArea}>
              <Route path="/admin" component={Admin} preload={preloadAdminHome} />
              <Route path="/admin/clinics" component={AdminClinics} preload={preloadAdminClinics} />
              <Route path="/admin/clinics/new" component={AdminClinicNew} />
              <Route path="/admin/clinics/:clinicId" component={AdminClinicDetail} preload={preloadAdminClinic} />
              <Route path="/admin/clinics/:clinicId/edit" component={AdminClinicEdit} preload={preloadAdminClinic} />
              <Route path="/admin/trends" component={AdminTrends} preload={preloadAdminTrends} />
              <Route path="/admin/jobs" component={AdminFailedJobs} />
              <Route path="/admin/errors" component={AdminRecentErrors} />
              <Route path="/admin/activation" component={AdminActivation} preload={preloadAdminActivation} />
              <Route path="/admin/revenue" component={AdminRevenue} preload={preloadAdminRevenue} />
              <Route path="/admin/audit" component={Audit} />
            </Route>
          </Route>
        </Route>
        <Route path="*" component={NotFound} />
      </Router>
    </SessionProvider>
  );
}
