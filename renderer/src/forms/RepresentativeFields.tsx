import { Radios } from '../components/Radios';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { CONTACT_PREFERENCES, LABELS } from '../../../shared/domain/enums';
import { fieldId } from './errors';
import type { RepresentativeValues } from './representative';

const YES_NO = [{ value: 'yes' as const, label: 'Yes' }, { value: 'no' as const, label: 'No' }];
const CONTACT_OPTIONS = CONTACT_PREFERENCES.map((c) => ({ value: c, label: LABELS.contactPreference[c] }));

interface Props {
  values: RepresentativeValues;
  set: <K extends keyof RepresentativeValues>(key: K) => (value: RepresentativeValues[K]) => void;
  error: (key: string) => string | undefined;
  /** "rep." inside the Add resident form, so ids and error keys do not clash with the resident's. */
  prefix?: string;
}

/** The questions about a relative or representative, shared by the Add resident and representative forms. */
export function RepresentativeFields({ values, set, error, prefix = '' }: Props) {
  const id = (key: keyof RepresentativeValues) => fieldId(`${prefix}${key}`);
  const err = (key: keyof RepresentativeValues) => error(`${prefix}${key}`);
  return (
    <>
      <TextField id={id('name')} label="Full name" value={values.name} onChange={set('name')} error={err('name')} spellCheck />
      <TextField
        id={id('relationship')} label="Relationship to the resident" hint="For example, daughter, husband, friend or paid advocate" width={20}
        value={values.relationship} onChange={set('relationship')} error={err('relationship')} spellCheck
      />
      <TextField id={id('phone')} label="Phone number (optional)" type="tel" width={20} value={values.phone} onChange={set('phone')} error={err('phone')} />
      <TextField id={id('email')} label="Email address (optional)" type="email" value={values.email} onChange={set('email')} error={err('email')} />
      <Radios
        id={id('holdsLpaHealthWelfare')} legend="Do they hold a lasting power of attorney (LPA) for health and welfare?"
        hint="An LPA for property and financial affairs alone does not count"
        options={YES_NO} value={values.holdsLpaHealthWelfare} onChange={set('holdsLpaHealthWelfare')} error={err('holdsLpaHealthWelfare')}
        conditional={{
          yes: (
            <TextField
              id={id('lpaRegisteredOn')} label="Date the LPA was registered (optional)" hint="For example, 02/04/2023" width={10}
              value={values.lpaRegisteredOn} onChange={set('lpaRegisteredOn')} error={err('lpaRegisteredOn')}
            />
          ),
        }}
      />
      <Radios
        id={id('preferredContact')} legend="How would they like to join reviews?"
        options={CONTACT_OPTIONS} value={values.preferredContact} onChange={set('preferredContact')} error={err('preferredContact')}
      />
      <TextArea id={id('notes')} label="Notes (optional)" hint="For example, best times to call" value={values.notes} onChange={set('notes')} error={err('notes')} />
    </>
  );
}
