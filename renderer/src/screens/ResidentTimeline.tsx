import { useState } from 'react';
import { SelectField } from '../components/SelectField';
import { SeverityTag } from '../components/SeverityTag';
import { formatUkDate } from '../../../shared/dates';
import { TIMELINE_KINDS, TIMELINE_LABELS, type ResidentView, type TimelineKind } from '../../../shared/domain/residentView';
import { href } from '../router';

const OPTIONS = [{ value: 'all' as const, label: 'Everything' }, ...TIMELINE_KINDS.map((k) => ({ value: k, label: TIMELINE_LABELS[k] }))];

/** One timeline, newest first, filterable by kind; every entry says where it came from. */
export function ResidentTimeline({ view }: { view: ResidentView }) {
  const [kind, setKind] = useState<TimelineKind | 'all'>('all');
  const shown = kind === 'all' ? view.timeline : view.timeline.filter((e) => e.kind === kind);
  return (
    <section aria-labelledby="timeline-title">
      <h2 className="nhsuk-heading-m" id="timeline-title">Timeline</h2>
      {view.timeline.length === 0 ? (
        <p>Nothing has been recorded for {view.resident.givenName} yet. Flags from the care home, imported practice records and round outcomes will appear here, newest first.</p>
      ) : (
        <>
          <SelectField id="timeline-kind" label="Show" value={kind} onChange={setKind} options={OPTIONS} />
          <p className="app-secondary-text" aria-live="polite">{shown.length} of {view.timeline.length} entries, newest first</p>
          {shown.length === 0 ? <p>Nothing of this kind has been recorded.</p> : (
            <ol className="app-timeline">
              {shown.map((e) => (
                <li key={e.key} className={`app-timeline__entry app-timeline__entry--${e.kind}`}>
                  <span className="app-timeline__date">{formatUkDate(e.date)} · {TIMELINE_LABELS[e.kind]}</span>
                  <p className="app-timeline__title">
                    {e.link ? <a href={href(e.link)}>{e.title}</a> : e.title}
                    {e.severity ? <> <SeverityTag severity={e.severity} /></> : null}
                    {e.status ? <span className="app-tag-note app-secondary-text app-inline">{e.status}</span> : null}
                  </p>
                  {e.detail ? <p className="nhsuk-u-margin-bottom-0 app-multiline">{e.detail}</p> : null}
                  <span className="app-timeline__source">Source: {e.source}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
