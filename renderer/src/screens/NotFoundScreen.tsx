import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../hooks';
import { href } from '../router';

export function NotFoundScreen() {
  usePageTitle('Page not found');
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>Roundtable does not have a page at this address.</p>
      <p>Go to <a href={href('/homes')}>care homes</a> or <a href={href('/residents')}>residents</a>.</p>
    </>
  );
}
