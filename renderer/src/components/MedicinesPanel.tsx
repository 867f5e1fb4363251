import { call } from '../api';
import { formatUkDate } from '../../../shared/dates';
import type { CurrentMedicine } from '../../../shared/rules/medicines';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { useLoad } from '../hooks';
import { href } from '../router';
import { DueTag } from './DueTag';
import { ErrorPanel } from './ErrorPanel';
import { Loading } from './Loading';
import { SummaryRow } from './SummaryRow';

function tagsOf(m: CurrentMedicine): string[] {
  const e = m.entry;
  const taken = m.asNeeded === 'just-in-case' ? 'Just in case (not counted as taken)' : m.asNeeded === 'as-required' ? 'As required' : null;
  if (!e) return taken ? [taken] : [];
  return [
    taken,
    e.antipsychotic ? 'Antipsychotic' : null,
    m.acb > 0 ? `ACB ${m.acb}` : null,
    e.fallsRiskClass ? `Falls risk: ${e.fallsRiskClass}` : null,
    e.anticoagulant ? 'Anticoagulant' : null,
    e.benzodiazepine ? 'Benzodiazepine or Z-drug' : null,
    e.ppiFullDoseMg !== null ? `PPI${m.strengthMg !== null && m.strengthMg >= e.ppiFullDoseMg ? ' (full dose)' : ''}` : null,
    e.monitoring ? (e.monitoring === 'doac' ? 'Blood monitoring: DOAC' : ruleLabel(`monitoring-${e.monitoring}`)) : null,
  ].filter((t): t is string => t !== null);
}

/** A resident's current medicines with their tags and totals, what is not recognised, and the reviews due. */
export function MedicinesPanel({ residentId }: { residentId: number }) {
  const [data, retry] = useLoad(() => call('reviews:resident', { residentId }), [residentId]);
  return (
    <section className="app-medicines" aria-labelledby="medicines-heading">
      <h2 className="nhsuk-heading-m" id="medicines-heading">Medicines and reviews</h2>
      {data.status === 'loading' ? <Loading what="medicines" /> : null}
      {data.status === 'error' ? <ErrorPanel error={data.error} onRetry={retry} /> : null}
      {data.status === 'ready' ? (() => {
        const { profile: p, due, recorded, active } = data.value;
        if (p.count === 0) return <p>No current medicines are recorded. They come in with the practice’s records import.</p>;
        return (
          <>
            <dl className="nhsuk-summary-list">
              <SummaryRow label="Current medicines">{p.count}</SummaryRow>
              <SummaryRow label="Anticholinergic burden (ACB)">
                {p.acbTotal}{p.acbContributors.length ? ` (${p.acbContributors.map((c) => `${c.name} ${c.score}`).join(', ')})` : ''}
              </SummaryRow>
              <SummaryRow label="Falls-risk medicines">{p.fallsRisk.length ? p.fallsRisk.map((f) => `${f.name} (${f.reason})`).join('; ') : 'None'}</SummaryRow>
              <SummaryRow label="Not recognised">{p.notRecognised.length ? p.notRecognised.join('; ') : 'None: every medicine was recognised'}</SummaryRow>
            </dl>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">Current medicines</caption>
              <thead className="nhsuk-table__head"><tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Medicine</th>
                <th scope="col" className="nhsuk-table__header">Started</th>
                <th scope="col" className="nhsuk-table__header">What Roundtable knows</th>
              </tr></thead>
              <tbody className="nhsuk-table__body">
                {p.current.map((m) => (
                  <tr key={m.id} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell">{m.text}{m.dose ? <><br /><span className="app-secondary-text">{m.dose}</span></> : null}</td>
                    <td className="nhsuk-table__cell app-nowrap">{m.startDate ? formatUkDate(m.startDate) : 'Not recorded'}</td>
                    <td className="nhsuk-table__cell">
                      {m.entry ? (
                        <>
                          <span className="app-secondary-text">{m.entry.name}: {m.entry.class}</span>
                          {tagsOf(m).length ? <ul className="app-tag-list">{tagsOf(m).map((t) => <li key={t}><strong className="nhsuk-tag nhsuk-tag--white">{t}</strong></li>)}</ul> : null}
                        </>
                      ) : <strong className="nhsuk-tag nhsuk-tag--grey">Not recognised</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3 className="nhsuk-heading-s">Reviews due</h3>
            {!active ? <p>Not scheduled: this resident no longer lives at the home.</p> : due.length === 0 ? <p>No medication reviews are due.</p> : (
              <ul className="nhsuk-list app-review-list">
                {due.map((i) => (
                  <li key={i.rule} className="app-review">
                    <p className="nhsuk-u-margin-bottom-1"><DueTag status={i.status} /> <strong>{i.ruleLabel}</strong></p>
                    <p className="nhsuk-u-margin-bottom-1">{i.explanation}</p>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0"><a href={href(`/reviews/record/${residentId}/${i.rule}`)}>Record this review<span className="nhsuk-u-visually-hidden"> ({i.ruleLabel})</span></a></p>
                  </li>
                ))}
              </ul>
            )}
            {recorded.length ? (
              <p className="nhsuk-body-s">Last recorded: {recorded.slice(0, 3).map((r) => `${r.ruleLabel} ${r.status === 'done' ? `done ${formatUkDate(r.doneOn)}` : `deferred to ${formatUkDate(r.deferredUntil)}`}`).join('; ')}.</p>
            ) : null}
            <p className="nhsuk-body-s app-secondary-text">Tags from the medicines file version {p.dataVersion}: ACB scale (Aging Brain Care, 2012), STOPPFall (2021), BNF. A medicine that is not recognised is never guessed: check it by hand.</p>
          </>
        );
      })() : null}
    </section>
  );
}
