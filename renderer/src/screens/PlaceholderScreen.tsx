import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../hooks';
import type { PlaceholderSection } from '../routes';

const PAGES: Record<PlaceholderSection, { title: string; what: string }> = {
  flags: {
    title: 'Flags from care homes',
    what: 'Concerns that care-home staff raise about a resident, such as a fall, weight loss or a change in behaviour. You will see each home’s open flags with their severity, match them to residents, and choose which go on the next round.',
  },
  reviews: {
    title: 'Medication reviews',
    what: 'Which residents are due a structured medication review and why, for example a yearly review, an antipsychotic review for someone living with dementia, or blood monitoring for a medicine that needs it.',
  },
  'care-plans': {
    title: 'Advance care plans',
    what: 'ReSPECT forms, DNACPR decisions, preferred places of care and death, and lasting powers of attorney, with the gaps and reviews that are worth a conversation with the resident and the people close to them.',
  },
  rounds: {
    title: 'Rounds',
    what: 'Each home’s weekly round: who is on the agenda and why, who is invited, the time each person needs, and a printed agenda for the visit.',
  },
};

/** An honest page for a part of Roundtable that is not built yet: what it will hold, and no made-up data. */
export function PlaceholderScreen({ section }: { section: PlaceholderSection }) {
  const page = PAGES[section];
  usePageTitle(page.title);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>{page.title}</PageHeading>
        <p className="nhsuk-body-l">{page.what}</p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>This part of Roundtable is not available yet. Nothing is shown here until it is.</p>
        </div>
      </div>
    </div>
  );
}
