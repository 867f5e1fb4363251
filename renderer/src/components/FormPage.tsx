import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks';
import { BackLink } from './BackLink';
import { PageHeading } from './PageHeading';

/** The frame of every form page: its title (in the tab too), a back link, then the form. */
export function FormPage({ title, back, backText = 'Back', children }: { title: string; back: string; backText?: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <BackLink href={back}>{backText}</BackLink>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
}
