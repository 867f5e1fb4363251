/**
 * Whether a resident is treated as living with dementia, and why: the one place this is decided (the
 * antipsychotic review, the STOPP anticholinergic criterion, who is proposed for a joint review). In
 * order: dementia recorded on the resident's details, a coded diagnosis, or an anti-dementia medicine
 * (donepezil, rivastigmine, galantamine, memantine) when no diagnosis is coded — so nobody with dementia
 * drops out of the antipsychotic review because the diagnosis was never coded.
 */
import type { ResidentSnapshot } from '../domain/snapshot';
import { currentMedicines, inGroup, type CurrentMedicine } from './medicines';

export interface DementiaReason {
  source: 'recorded' | 'diagnosis' | 'medicine';
  /** Plain English for an explanation: "dementia recorded", "on donepezil, so treated as living with dementia". */
  text: string;
}

const DEMENTIA_CONDITION = /dementia|alzheimer/i;

export function livesWithDementia(snapshot: Pick<ResidentSnapshot, 'resident' | 'conditions' | 'medications'>,
  current: CurrentMedicine[] = currentMedicines(snapshot)): DementiaReason | null {
  const coded = snapshot.conditions.find((c) => DEMENTIA_CONDITION.test(c.name));
  if (coded) return { source: 'diagnosis', text: `${coded.name} coded` };
  if (snapshot.resident.dementia) return { source: 'recorded', text: 'dementia recorded' };
  const med = current.find((m) => !m.anticipatory && inGroup(m, 'anti-dementia'));
  if (med?.entry) return { source: 'medicine', text: `on ${med.entry.name.toLowerCase()}, so treated as living with dementia` };
  return null;
}
