/** Says plainly that the practice is a demo, so nobody mistakes synthetic residents for real ones. */
export function DemoBanner() {
  return (
    <div className="app-phase-banner">
      <p className="nhsuk-width-container app-phase-banner__content">
        <strong className="nhsuk-tag nhsuk-tag--yellow app-phase-banner__tag">Demo</strong>
        <span>Demo data — synthetic residents only</span>
      </p>
    </div>
  );
}
