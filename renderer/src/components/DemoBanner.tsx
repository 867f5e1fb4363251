import { ENVIRONMENT_TAG } from './tagColours';

/**
 * Says plainly that the practice is a demo, so nobody mistakes synthetic residents for real ones. It sits
 * in the header bar (inside the banner landmark) on every screen, one line, so it costs no height.
 */
export function DemoBanner() {
  return (
    <p className="app-header__demo" data-testid="demo-notice">
      <strong className={`nhsuk-tag ${ENVIRONMENT_TAG}`}>Demo</strong>
      <span>Demo data — synthetic residents only</span>
    </p>
  );
}
