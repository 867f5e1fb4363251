import { useEffect, useRef } from 'react';
import { call } from './api';
import { AppInfoContext } from './appInfo';
import { DemoBanner } from './components/DemoBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorPanel } from './components/ErrorPanel';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { Loading } from './components/Loading';
import { PageHeading } from './components/PageHeading';
import { SkipLink } from './components/SkipLink';
import { clearFlashUnless, flashFor } from './flash';
import { useLoad } from './hooks';
import { useRouteHash } from './router';
import { parseRoute, sectionOf, type Route } from './routes';
import { HomeFormScreen } from './screens/HomeFormScreen';
import { HomesScreen } from './screens/HomesScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { PlaceholderScreen } from './screens/PlaceholderScreen';
import { RemoveRepresentativeScreen } from './screens/RemoveRepresentativeScreen';
import { RepresentativeFormScreen } from './screens/RepresentativeFormScreen';
import { ResidentDetailScreen } from './screens/ResidentDetailScreen';
import { ResidentFormScreen } from './screens/ResidentFormScreen';
import { ResidentsScreen } from './screens/ResidentsScreen';
import { AuditScreen } from './screens/AuditScreen';
import { BackupsScreen } from './screens/BackupsScreen';
import { ReportsScreen } from './screens/ReportsScreen';

function Screen({ route, flash }: { route: Route; flash: string | null }) {
  switch (route.name) {
    case 'homes': return <HomesScreen flash={flash} />;
    case 'home-new': return <HomeFormScreen id={null} />;
    case 'home-edit': return <HomeFormScreen id={route.id} />;
    case 'residents': return <ResidentsScreen homeId={route.homeId} flash={flash} />;
    case 'resident-new': return <ResidentFormScreen id={null} homeId={route.homeId} />;
    case 'resident': return <ResidentDetailScreen id={route.id} flash={flash} />;
    case 'resident-edit': return <ResidentFormScreen id={route.id} homeId={null} />;
    case 'representative-new': return <RepresentativeFormScreen residentId={route.residentId} id={null} />;
    case 'representative-edit': return <RepresentativeFormScreen residentId={route.residentId} id={route.id} />;
    case 'representative-remove': return <RemoveRepresentativeScreen residentId={route.residentId} id={route.id} />;
    case 'reports': return <ReportsScreen />;
    case 'audit': return <AuditScreen residentId={route.residentId} />;
    case 'backups': return <BackupsScreen flash={flash} />;
    case 'placeholder': return <PlaceholderScreen section={route.section} />;
    case 'not-found': return <NotFoundScreen />;
  }
}

export function App() {
  const hash = useRouteHash();
  const route = parseRoute(hash);
  const [info, retry] = useLoad(() => call('app:info', {}), []);
  const shownHash = useRef(hash);

  // A new screen starts at the top, and a message meant for another screen goes.
  useEffect(() => {
    clearFlashUnless(hash);
    if (hash === shownHash.current) return;
    shownHash.current = hash;
    window.scrollTo(0, 0);
  }, [hash]);

  const value = info.status === 'ready' ? info.value : null;
  return (
    <AppInfoContext.Provider value={value}>
      <SkipLink />
      <Header practiceName={value?.practice.name ?? null} current={sectionOf(route)} />
      {value?.isDemo ? <DemoBanner /> : null}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper app-main" id="maincontent" tabIndex={-1} data-ready={value ? 'true' : undefined}>
          {info.status === 'loading' ? <Loading what="Roundtable" /> : null}
          {info.status === 'error' ? (
            <>
              <PageHeading>Roundtable could not start</PageHeading>
              <ErrorPanel error={info.error} onRetry={retry} />
            </>
          ) : null}
          {value ? (
            <ErrorBoundary key={hash}>
              <Screen route={route} flash={flashFor(hash)} />
            </ErrorBoundary>
          ) : null}
        </main>
      </div>
      <Footer info={value} />
    </AppInfoContext.Provider>
  );
}
