import { formatLongUkDate } from '../../../shared/dates';
import type { AppInfo } from '../../../shared/ipc';
import { call } from '../api';
import { useLoad } from '../hooks';
import { href } from '../router';

/** Version, the day Roundtable takes as today (every due date is counted from it) and the database in use. */
export function Footer({ info }: { info: AppInfo | null }) {
  const [connection] = useLoad(() => (info ? call('connection:get', {}) : Promise.resolve(null)), [info !== null]);
  const database = connection.status === 'ready' ? connection.value?.current.label : undefined;
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">About this app</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item"><a className="nhsuk-footer__list-item-link" href={href('/settings')}>Settings</a></li>
            <li className="nhsuk-footer__list-item"><a className="nhsuk-footer__list-item-link" href={href('/audit')}>Audit trail</a></li>
            <li className="nhsuk-footer__list-item"><a className="nhsuk-footer__list-item-link" href={href('/backups')}>Backups</a></li>
          </ul>
          {info ? (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              {info.appName} {info.version} · Today is {formatLongUkDate(info.today)}
              {database ? <> · <span data-testid="footer-database">{database}</span></> : null}
            </p>
          ) : <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Roundtable</p>}
        </div>
      </div>
    </footer>
  );
}
