import type { DueCount, ResidentListRow, ResidentSort } from '../../../shared/domain/lists';
import { formatUkDate } from '../../../shared/dates';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { useAppInfo } from '../appInfo';
import { DueTag } from '../components/DueTag';
import { SortHeader, type SortState } from '../components/ListControls';
import { SeverityTag } from '../components/SeverityTag';
import { StatusTag } from '../components/StatusTag';
import { dateOfBirthWithAge, registerName } from '../format';
import { href } from '../router';

function Due({ due }: { due: DueCount }) {
  if (due.count === 0) return <span className="app-secondary-text app-inline app-none">None</span>;
  return <>{due.worst ? <DueTag status={due.worst} /> : null} {due.count}</>;
}

/** One row per resident: who they are, then what needs attention, so a nurse can scan down the list. */
export function ResidentsTable({ rows, showStatus, sort, onSort }: {
  rows: ResidentListRow[]; showStatus: boolean; sort: SortState<ResidentSort>; onSort: (s: SortState<ResidentSort>) => void;
}) {
  const { today } = useAppInfo();
  const header = (label: string, key: ResidentSort) => <SortHeader label={label} sortKey={key} sort={sort} onSort={onSort} />;
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table app-table-compact app-table-nowrap" data-testid="residents-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Residents, with flags, reviews and care-plan gaps</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {header('Name', 'name')}
            <th className="nhsuk-table__header" scope="col">NHS number</th>
            {header('Date of birth', 'dateOfBirth')}
            {header('Care home', 'home')}
            {header('Room', 'room')}
            {header('Most severe flag', 'flag')}
            <th className="nhsuk-table__header" scope="col">Reviews due</th>
            <th className="nhsuk-table__header" scope="col">Care-plan gaps</th>
            <th className="nhsuk-table__header" scope="col">Next round</th>
            {showStatus ? <th className="nhsuk-table__header" scope="col">Status</th> : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map(({ resident: r, worstFlag, openFlags, reviewsDue, carePlanGaps, nextRound }) => (
            <tr className="nhsuk-table__row" key={r.id}>
              <td className="nhsuk-table__cell">
                <a href={href(`/residents/${r.id}`)}>{registerName(r)}</a>
                {r.preferredName ? <span className="app-secondary-text">known as {r.preferredName}</span> : null}
              </td>
              <td className="nhsuk-table__cell app-nowrap">{formatNhsNumber(r.nhsNumber)}</td>
              <td className="nhsuk-table__cell app-nowrap">{dateOfBirthWithAge(r, today)}</td>
              <td className="nhsuk-table__cell">{r.homeName}</td>
              <td className="nhsuk-table__cell">{r.room ?? ''}</td>
              <td className="nhsuk-table__cell">
                {worstFlag ? (
                  <>
                    <SeverityTag severity={worstFlag.severity} />{' '}
                    <a href={href(`/flags/${worstFlag.id}`)}>{FLAG_LABELS.category[worstFlag.category]}<span className="nhsuk-u-visually-hidden"> flag for {registerName(r)}</span></a>
                    {openFlags > 1 ? <span className="app-secondary-text">{openFlags - 1} more</span> : null}
                  </>
                ) : <span className="app-secondary-text app-inline app-none">None open</span>}
              </td>
              <td className="nhsuk-table__cell app-nowrap"><Due due={reviewsDue} /></td>
              <td className="nhsuk-table__cell app-nowrap"><Due due={carePlanGaps} /></td>
              <td className="nhsuk-table__cell app-nowrap">
                {nextRound ? <>{formatUkDate(nextRound.date)}{nextRound.planned ? '' : <span className="app-secondary-text">usual day</span>}</> : ''}
              </td>
              {showStatus ? <td className="nhsuk-table__cell"><StatusTag status={r.status} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
