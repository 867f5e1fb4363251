import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../hooks';
import type { PlaceholderSection } from '../routes';

const PAGES: Record<PlaceholderSection, { title: string; what: string }> = {
  reports: {
    title: 'Reports',
    what: 'Figures the practice and the homes share: reviews done, plans in place, hospital admissions, and deaths in the place the person preferred.',
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
