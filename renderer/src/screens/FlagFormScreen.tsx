import { useEffect, useState, type FormEvent } from 'react';
import { call, toApiError, type ApiError } from '../api';
import { useAppInfo } from '../appInfo';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { formatUkDate } from '../../../shared/dates';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, type FlagCategory, type FlagSeverity } from '../../../shared/domain/enums';
import type { CareHome } from '../../../shared/domain/register';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { flagsChanged } from '../flagEvents';
import { navigateWithFlash } from '../flash';
import { readDate } from '../forms/dates';
import { registerName } from '../format';
import { useLoad, usePageTitle } from '../hooks';
import { href } from '../router';

/** A flag taken over the phone: quick, and usable from the keyboard alone (native controls only, in reading order). */
export function FlagFormScreen({ homeId, residentId }: { homeId: number | null; residentId: number | null }) {
  const [homes, retry] = useLoad(() => call('homes:list', {}), []);
  const [errorsShown, setErrorsShown] = useState(false);
  usePageTitle('Record a flag', errorsShown);
  return (
    <>
      <BackLink href={href('/flags')}>Back to flags</BackLink>
      {homes.status === 'ready' ? (
        homes.value.length === 0 ? (
          <>
            <PageHeading>Record a flag</PageHeading>
            <p>Flags come from care homes, so add a care home first on the <a href={href('/homes')}>Homes</a> page.</p>
          </>
        ) : <FlagForm homes={homes.value} homeId={homeId} residentId={residentId} onErrors={setErrorsShown} />
      ) : (
        <>
          <PageHeading>Record a flag</PageHeading>
          {homes.status === 'loading' ? <Loading what="care homes" /> : <ErrorPanel error={homes.error} onRetry={retry} />}
        </>
      )}
    </>
  );
}

const CATEGORY_OPTIONS = [{ value: '' as const, label: 'Choose a category' }, ...FLAG_CATEGORIES.map((c) => ({ value: c, label: FLAG_LABELS.category[c] }))];
const SEVERITY_OPTIONS = [
  { value: '' as const, label: 'Work it out from the category and scores' },
  ...FLAG_SEVERITIES.map((s) => ({ value: s, label: FLAG_LABELS.severity[s] })),
];

function scoreValue(text: string): number | null | 'bad' {
  if (text.trim() === '') return null;
  return /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : 'bad';
}

function FlagForm({ homes, homeId: initialHome, residentId: initialResident, onErrors }: {
  homes: CareHome[]; homeId: number | null; residentId: number | null; onErrors: (shown: boolean) => void;
}) {
  const { today } = useAppInfo();
  const [homeId, setHomeId] = useState(initialHome !== null && homes.some((h) => h.id === initialHome) ? String(initialHome) : homes.length === 1 ? String(homes[0]?.id) : '');
  const [search, setSearch] = useState('');
  const [residentId, setResidentId] = useState(initialResident !== null ? String(initialResident) : '');
  const [category, setCategory] = useState<FlagCategory | ''>('');
  const [severity, setSeverity] = useState<FlagSeverity | ''>('');
  const [details, setDetails] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const [raisedOn, setRaisedOn] = useState(formatUkDate(today));
  const [news2, setNews2] = useState('');
  const [must, setMust] = useState('');
  const [fourAt, setFourAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const [residents] = useLoad(() => (homeId ? call('residents:search', { homeId: Number(homeId), query: search.trim() || undefined }) : Promise.resolve([])),
    [homeId, search], { keepPrevious: true });
  const list = residents.status === 'ready' ? residents.value : residents.status === 'loading' ? (residents.previous ?? []) : [];
  const residentOptions = [
    { value: '', label: homeId ? (list.length === 0 ? 'No residents match' : `Choose from ${list.length} resident${list.length === 1 ? '' : 's'}`) : 'Choose the care home first' },
    ...list.map((r) => ({ value: String(r.id), label: `${registerName(r)}, born ${formatUkDate(r.dateOfBirth)}, NHS ${formatNhsNumber(r.nhsNumber)}${r.room ? `, room ${r.room}` : ''}` })),
  ];
  const listReady = residents.status === 'ready';
  useEffect(() => {
    // The chosen resident dropped out of the filtered list: keep the choice honest by clearing it.
    if (listReady && residentId && !list.some((r) => String(r.id) === residentId)) setResidentId('');
  }, [listReady, list, residentId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!homeId) found['flag-form-home'] = 'Choose the care home';
    if (!residentId) found['flag-form-resident'] = 'Choose the resident';
    if (!category) found['flag-form-category'] = 'Choose what the concern is about';
    if (!details.trim()) found['flag-form-details'] = 'Enter what the care home told you';
    if (!raisedBy.trim()) found['flag-form-raised-by'] = 'Enter who raised the concern';
    const date = readDate(raisedOn, { label: 'the date raised', example: formatUkDate(today), required: true, notAfter: today });
    if (date.error) found['flag-form-raised-on'] = date.error;
    const scores = { news2: scoreValue(news2), must: scoreValue(must), fourAt: scoreValue(fourAt) };
    if (scores.news2 === 'bad') found['flag-form-news2'] = 'NEWS2 is a whole number, for example 5';
    if (scores.must === 'bad') found['flag-form-must'] = 'MUST is a whole number, for example 2';
    if (scores.fourAt === 'bad') found['flag-form-four-at'] = '4AT is a whole number, for example 4';
    setErrors(found);
    setFailure(null);
    onErrors(Object.keys(found).length > 0);
    if (Object.keys(found).length > 0 || !category) return;
    setBusy(true);
    call('flags:enter', { flag: {
      homeId: Number(homeId), residentId: Number(residentId), category, severity: severity || null, details, raisedBy, raisedOn: date.iso ?? '',
      news2: scores.news2 === 'bad' ? null : scores.news2, must: scores.must === 'bad' ? null : scores.must, fourAt: scores.fourAt === 'bad' ? null : scores.fourAt,
    } }).then(
      (flag) => {
        flagsChanged();
        navigateWithFlash(`/flags/${flag.id}`, `The flag has been recorded for ${flag.residentName ?? 'the resident'} (${FLAG_LABELS.severity[flag.severity].toLowerCase()})`);
      },
      (error: unknown) => {
        setFailure(toApiError(error));
        onErrors(true);
        setBusy(false);
      },
    );
  };

  const items = [
    ...Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message })),
    ...(failure ? (failure.details.length > 0 ? failure.details.map((d) => ({ message: d.message })) : [{ message: failure.message }]) : []),
  ];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {items.length > 0 ? <ErrorSummary items={items} /> : null}
        <PageHeading>Record a flag</PageHeading>
        <p>For a concern a care home tells you about by phone. If the home says the resident is very unwell now, act first: this form does not call anyone.</p>
        <form onSubmit={submit} noValidate>
          <SelectField id="flag-form-home" label="Care home" value={homeId} onChange={(v) => { setHomeId(v); setResidentId(''); }} error={errors['flag-form-home']}
            options={[{ value: '', label: 'Choose a care home' }, ...homes.map((h) => ({ value: String(h.id), label: h.name }))]} />
          <TextField id="flag-form-search" label="Find the resident (optional)" hint="Type part of a name, NHS number or room to shorten the list below" type="search"
            value={search} onChange={setSearch} width={20} />
          <SelectField id="flag-form-resident" label="Resident" value={residentId} onChange={setResidentId} options={residentOptions} error={errors['flag-form-resident']} />
          <SelectField id="flag-form-category" label="What is the concern about?" value={category} onChange={setCategory} options={CATEGORY_OPTIONS} error={errors['flag-form-category']} />
          <SelectField id="flag-form-severity" label="Severity" hint="Leave it to be worked out, or choose one. A NEWS2 of 5 or more always makes it escalate now." value={severity}
            onChange={setSeverity} options={SEVERITY_OPTIONS} />
          <TextArea id="flag-form-details" label="What did the care home say?" value={details} onChange={setDetails} error={errors['flag-form-details']} rows={4} />
          <TextField id="flag-form-raised-by" label="Raised by" hint="The name and role of the person at the care home" value={raisedBy} onChange={setRaisedBy} width={30} error={errors['flag-form-raised-by']} />
          <TextField id="flag-form-raised-on" label="Date raised" hint={`For example, ${formatUkDate(today)}`} value={raisedOn} onChange={setRaisedOn} width={10} error={errors['flag-form-raised-on']} />
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Scores, if the home gave them (optional)</legend>
            <TextField id="flag-form-news2" label="NEWS2" value={news2} onChange={setNews2} width={2} inputMode="numeric" error={errors['flag-form-news2']} />
            <TextField id="flag-form-must" label="MUST" value={must} onChange={setMust} width={2} inputMode="numeric" error={errors['flag-form-must']} />
            <TextField id="flag-form-four-at" label="4AT" value={fourAt} onChange={setFourAt} width={2} inputMode="numeric" error={errors['flag-form-four-at']} />
          </fieldset>
          <button type="submit" className="nhsuk-button" disabled={busy}>Record the flag</button>
        </form>
      </div>
    </div>
  );
}
