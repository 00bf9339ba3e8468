import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { TopBar } from './components/TopBar';
import Health from './screens/Health';
import NotFound from './screens/NotFound';

function Shell(props: RouteSectionProps): JSX.Element {
  return (
    <>
      <TopBar />
      <main class="content">{props.children}</main>
    </>
  );
}

export function App(): JSX.Element {
  return (
    <Router root={Shell}>
      <Route path="/" component={Health} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
