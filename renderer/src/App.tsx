import { lazy, Suspense, useEffect, useRef } from 'react';
import { call } from './api';
import { AppInfoContext } from './appInfo';
import { EscalationBanner } from './components/EscalationBanner';
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
import { FlagDetailScreen } from './screens/FlagDetailScreen';
import { FlagFormScreen } from './screens/FlagFormScreen';
import { FlagsScreen } from './screens/FlagsScreen';
import { CarePlansScreen } from './screens/CarePlansScreen';
import { HomeFormScreen } from './screens/HomeFormScreen';
import { HomesScreen } from './screens/HomesScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { RemoveRepresentativeScreen } from './screens/RemoveRepresentativeScreen';
import { RepresentativeFormScreen } from './screens/RepresentativeFormScreen';
import { ResidentDetailScreen } from './screens/ResidentDetailScreen';
import { ResidentFormScreen } from './screens/ResidentFormScreen';
import { ResidentsScreen } from './screens/ResidentsScreen';
import { ReviewsScreen } from './screens/ReviewsScreen';
import { RoundNewScreen, RoundsScreen } from './screens/RoundsScreen';
import { RoundScreen } from './screens/RoundScreen';

// Screens used now and then load when first opened, so the first screen's bundle stays small.
const ImportScreen = lazy(() => import('./screens/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const RoundPrintScreen = lazy(() => import('./screens/RoundPrintScreen').then((m) => ({ default: m.RoundPrintScreen })));
const RoundOutcomesScreen = lazy(() => import('./screens/RoundOutcomesScreen').then((m) => ({ default: m.RoundOutcomesScreen })));
const AuditScreen = lazy(() => import('./screens/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const BackupsScreen = lazy(() => import('./screens/BackupsScreen').then((m) => ({ default: m.BackupsScreen })));
const ReportsScreen = lazy(() => import('./screens/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const ReviewRecordScreen = lazy(() => import('./screens/ReviewRecordScreen').then((m) => ({ default: m.ReviewRecordScreen })));
const CarePlanFormScreen = lazy(() => import('./screens/CarePlanFormScreen').then((m) => ({ default: m.CarePlanFormScreen })));

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
    case 'import': return <ImportScreen />;
    case 'flags': return <FlagsScreen tab={route.tab} flash={flash} />;
    case 'flag-new': return <FlagFormScreen homeId={route.homeId} residentId={route.residentId} />;
    case 'flag': return <FlagDetailScreen id={route.id} flash={flash} />;
    case 'reviews': return <ReviewsScreen homeId={route.homeId} flash={flash} />;
    case 'review-record': return <ReviewRecordScreen residentId={route.residentId} rule={route.rule} />;
    case 'settings': return <SettingsScreen flash={flash} />;
    case 'care-plans': return <CarePlansScreen />;
    case 'care-plan-new': return <CarePlanFormScreen residentId={route.residentId} element={route.element} />;
    case 'rounds': return <RoundsScreen homeId={route.homeId} flash={flash} />;
    case 'round-new': return <RoundNewScreen homeId={route.homeId} />;
    case 'round': return <RoundScreen id={route.id} flash={flash} />;
    case 'round-print': return <RoundPrintScreen id={route.id} document={route.document} />;
    case 'round-outcomes': return <RoundOutcomesScreen id={route.id} flash={flash} />;
    case 'reports': return <ReportsScreen />;
    case 'audit': return <AuditScreen residentId={route.residentId} />;
    case 'backups': return <BackupsScreen flash={flash} />;
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
      <Header practiceName={value?.practice.name ?? null} current={sectionOf(route)} isDemo={value?.isDemo === true} />
      {value ? <EscalationBanner hash={hash} /> : null}
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
              <Suspense fallback={<Loading what="this page" />}>
                <Screen route={route} flash={flashFor(hash)} />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </main>
      </div>
      <Footer info={value} />
    </AppInfoContext.Provider>
  );
}
