import { href } from '../router';
import { DemoBanner } from './DemoBanner';
import type { Section } from '../routes';

const NAV: readonly { section: Section; label: string; path: string }[] = [
  { section: 'homes', label: 'Homes', path: '/homes' },
  { section: 'residents', label: 'Residents', path: '/residents' },
  { section: 'flags', label: 'Flags', path: '/flags' },
  { section: 'reviews', label: 'Reviews', path: '/reviews' },
  { section: 'care-plans', label: 'Care plans', path: '/care-plans' },
  { section: 'rounds', label: 'Rounds', path: '/rounds' },
  { section: 'reports', label: 'Reports', path: '/reports' },
  { section: 'import', label: 'Import', path: '/import' },
];

/**
 * The NHS header: service name and the practice using it, then the primary navigation. No NHS logo:
 * Roundtable is a practice tool, not an NHS England service.
 */
export function Header({ practiceName, current, isDemo = false }: { practiceName: string | null; current: Section | null; isDemo?: boolean }) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-name app-header__service-name" href={href('/homes')}>Roundtable</a>
        </div>
        {isDemo ? <DemoBanner /> : null}
        {practiceName ? (
          <div className="app-header__practice">
            <p className="app-header__practice-name">
              <span className="nhsuk-u-visually-hidden">Practice: </span>{practiceName}
            </p>
          </div>
        ) : null}
      </div>
      <nav className="nhsuk-header__navigation" aria-label="Menu">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            {NAV.map((item) => {
              const isCurrent = item.section === current;
              return (
                <li key={item.section} className={`nhsuk-header__navigation-item${isCurrent ? ' nhsuk-header__navigation-item--current' : ''}`}>
                  <a className="nhsuk-header__navigation-link" href={href(item.path)} aria-current={isCurrent ? 'page' : undefined}>
                    {isCurrent ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong> : item.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      </nav>
    </header>
  );
}
