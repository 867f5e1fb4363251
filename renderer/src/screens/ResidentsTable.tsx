import type { Resident } from '../../../shared/domain/register';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { useAppInfo } from '../appInfo';
import { StatusTag } from '../components/StatusTag';
import { dateOfBirthWithAge, registerName } from '../format';
import { href } from '../router';

export function ResidentsTable({ residents, showStatus }: { residents: Resident[]; showStatus: boolean }) {
  const { today } = useAppInfo();
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Residents</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Name</th>
            <th className="nhsuk-table__header" scope="col">NHS number</th>
            <th className="nhsuk-table__header" scope="col">Date of birth</th>
            <th className="nhsuk-table__header" scope="col">Care home</th>
            <th className="nhsuk-table__header" scope="col">Room</th>
            {showStatus ? <th className="nhsuk-table__header" scope="col">Status</th> : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {residents.map((r) => (
            <tr className="nhsuk-table__row" key={r.id}>
              <td className="nhsuk-table__cell">
                <a href={href(`/residents/${r.id}`)}>{registerName(r)}</a>
                {r.preferredName ? <span className="app-secondary-text">Known as {r.preferredName}</span> : null}
              </td>
              <td className="nhsuk-table__cell app-nowrap">{formatNhsNumber(r.nhsNumber)}</td>
              <td className="nhsuk-table__cell app-nowrap">{dateOfBirthWithAge(r, today)}</td>
              <td className="nhsuk-table__cell">{r.homeName}</td>
              <td className="nhsuk-table__cell">{r.room ?? ''}</td>
              {showStatus ? <td className="nhsuk-table__cell"><StatusTag status={r.status} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
