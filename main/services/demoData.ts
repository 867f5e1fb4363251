/**
 * A synthetic practice for demonstration and tests: three care homes and about sixty residents with
 * representatives, medicines, conditions, events, flags and care-plan entries. Everything is made up:
 * NHS numbers come from the 999 test range, phone numbers from Ofcom's drama range (01632 960xxx),
 * addresses from "Anytown". Seeded, so the same date gives the same practice.
 */
import type { CareHomeInput, RepresentativeInput, ResidentInput } from '../../shared/domain/register';
import type { MedicationRecord, NewFlag, ResidentRecords } from '../../shared/domain/clinical';
import type { FlagCategory, FlagSeverity, StaffRole } from '../../shared/domain/enums';
import { addDays, addMonths } from '../../shared/dates';
import { modulus11CheckDigit } from '../../shared/rules/nhsNumber';

export interface DemoResident {
  resident: Omit<ResidentInput, 'homeId'>;
  homeIndex: number;
  representatives: RepresentativeInput[];
  records: ResidentRecords;
  flags: Omit<NewFlag, 'homeId' | 'residentId'>[];
}

/** A flag as a care home's weekly file writes it, which the matcher cannot safely place (so the demo shows the unmatched queue). */
export interface DemoQueuedFlag {
  homeIndex: number;
  line: number;
  identity: { name?: string; familyName?: string; givenName?: string; dateOfBirth: string | null; nhsNumber?: string };
  raisedOn: string;
  raisedBy: string;
  category: FlagCategory;
  text: string;
}

export interface DemoPractice {
  practice: { name: string; odsCode: string };
  staff: { name: string; role: StaffRole }[];
  homes: CareHomeInput[];
  residents: DemoResident[];
  /** Flags from Willow Court's weekly file that land in the unmatched queue. */
  queuedFlags: DemoQueuedFlag[];
}

/** mulberry32: a small, fast, seedable generator. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

/** The n-th valid NHS number in the 999 test range. */
export function testNhsNumber(n: number): string {
  for (let candidate = n; ; candidate++) {
    const nine = `999${String(candidate).padStart(6, '0')}`;
    const check = modulus11CheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const WOMEN = ['Margaret', 'Dorothy', 'Joan', 'Betty', 'Irene', 'Doris', 'Edna', 'Jean', 'Sheila', 'Patricia', 'Elsie', 'Vera',
  'Mavis', 'Audrey', 'Eileen', 'Winifred', 'Gladys', 'Phyllis', 'Brenda', 'Mary', 'Kathleen', 'Hilda', 'Marjorie', 'Sylvia'];
const MEN = ['Arthur', 'Harold', 'Albert', 'Kenneth', 'Ronald', 'Dennis', 'Frederick', 'Stanley', 'Leonard', 'Walter', 'Bernard',
  'Norman', 'Ernest', 'Raymond', 'Cyril', 'Douglas', 'Gordon', 'Reginald'];
const FAMILY = ['Ashworth', 'Barraclough', 'Cartwright', 'Dobson', 'Entwistle', 'Fairbairn', 'Greenhalgh', 'Hargreaves', 'Illingworth',
  'Jowett', 'Kershaw', 'Lomax', 'Metcalfe', 'Nuttall', 'Ormerod', 'Pickles', 'Quigley', 'Ramsbottom', 'Sutcliffe', 'Thwaite',
  'Uttley', 'Varley', 'Whiteley', 'Yates', 'O\u2019Rourke', 'McAllister', 'Holroyd-Smith', 'Brontë-Hill', 'Nowak', 'Okonjo', 'Patel', 'Singh'];
const RELATIONSHIPS = [['daughter', 'F'], ['son', 'M'], ['niece', 'F'], ['nephew', 'M'], ['wife', 'F'], ['husband', 'M'], ['friend', 'F']] as const;

const CONDITIONS = [
  { name: 'Alzheimer\u2019s disease', code: '26929004', dementia: true },
  { name: 'Vascular dementia', code: '429998004', dementia: true },
  { name: 'Dementia', code: '52448006', dementia: true },
  { name: 'Hypertension', code: '38341003' },
  { name: 'Atrial fibrillation', code: '49436004' },
  { name: 'Type 2 diabetes mellitus', code: '44054006' },
  { name: 'Chronic obstructive pulmonary disease', code: '13645005' },
  { name: 'Heart failure', code: '84114007' },
  { name: 'Osteoarthritis', code: '396275006' },
  { name: 'Parkinson\u2019s disease', code: '49049000' },
  { name: 'Depressive disorder', code: '35489007' },
  { name: 'Chronic kidney disease stage 3', code: null },
  { name: 'Osteoporosis', code: '64859006' },
  { name: 'Stroke', code: '230690007' },
] as const;

/** Medicines that need blood monitoring, and the review rule a check is recorded under. */
const MONITORED: [RegExp, string][] = [[/^Warfarin/, 'monitoring-warfarin'], [/^Apixaban/, 'monitoring-doac'], [/^Lithium/, 'monitoring-lithium']];

const MEDICINES: { name: string; dose: string; when?: (c: string[]) => boolean }[] = [
  { name: 'Paracetamol 500mg tablets', dose: 'Two tablets four times a day' },
  { name: 'Amlodipine 5mg tablets', dose: 'One tablet once a day', when: (c) => c.includes('Hypertension') },
  { name: 'Ramipril 2.5mg capsules', dose: 'One capsule once a day', when: (c) => c.includes('Hypertension') || c.includes('Heart failure') },
  { name: 'Bisoprolol 2.5mg tablets', dose: 'One tablet once a day', when: (c) => c.includes('Atrial fibrillation') || c.includes('Heart failure') },
  { name: 'Apixaban 2.5mg tablets', dose: 'One tablet twice a day', when: (c) => c.includes('Atrial fibrillation') },
  { name: 'Furosemide 40mg tablets', dose: 'One tablet in the morning', when: (c) => c.includes('Heart failure') },
  { name: 'Metformin 500mg tablets', dose: 'One tablet twice a day with food', when: (c) => c.includes('Type 2 diabetes mellitus') },
  { name: 'Donepezil 10mg tablets', dose: 'One tablet at night', when: (c) => c.some((x) => /dementia|Alzheimer/i.test(x)) },
  { name: 'Memantine 10mg tablets', dose: 'One tablet once a day', when: (c) => c.some((x) => /Alzheimer/i.test(x)) },
  { name: 'Sertraline 50mg tablets', dose: 'One tablet once a day', when: (c) => c.includes('Depressive disorder') },
  { name: 'Mirtazapine 15mg tablets', dose: 'One tablet at night' },
  { name: 'Co-codamol 30mg/500mg tablets', dose: 'Two tablets up to four times a day when required' },
  { name: 'Omeprazole 20mg gastro-resistant capsules', dose: 'One capsule once a day' },
  { name: 'Lansoprazole 30mg gastro-resistant capsules', dose: 'One capsule once a day' },
  { name: 'Atorvastatin 20mg tablets', dose: 'One tablet at night' },
  { name: 'Adcal-D3 chewable tablets', dose: 'One tablet twice a day', when: (c) => c.includes('Osteoporosis') },
  { name: 'Alendronic acid 70mg tablets', dose: 'One tablet once a week', when: (c) => c.includes('Osteoporosis') },
  { name: 'Levothyroxine 50microgram tablets', dose: 'One tablet in the morning' },
  { name: 'Tiotropium 18microgram inhalation powder capsules', dose: 'Inhale one capsule once a day', when: (c) => c.includes('Chronic obstructive pulmonary disease') },
  { name: 'Co-careldopa 25mg/100mg tablets', dose: 'One tablet three times a day', when: (c) => c.includes('Parkinson\u2019s disease') },
  { name: 'Senna 7.5mg tablets', dose: 'Two tablets at night' },
  { name: 'Laxido oral powder sachets', dose: 'One sachet twice a day' },
  { name: 'Amitriptyline 10mg tablets', dose: 'One tablet at night' },
  { name: 'Oxybutynin 5mg tablets', dose: 'One tablet twice a day' },
  { name: 'Zopiclone 3.75mg tablets', dose: 'One tablet at night' },
  { name: 'Lorazepam 500microgram tablets', dose: 'One tablet when required for agitation' },
  { name: 'Gabapentin 300mg capsules', dose: 'One capsule three times a day' },
  { name: 'Tamsulosin 400microgram capsules', dose: 'One capsule once a day' },
  { name: 'Warfarin 1mg tablets', dose: 'As directed by the anticoagulation clinic' },
  { name: 'Lithium carbonate 400mg modified-release tablets', dose: 'One tablet at night' },
  { name: 'Chlorphenamine 4mg tablets', dose: 'One tablet three times a day when required' },
  { name: 'Morphine sulfate 10mg/5ml oral solution', dose: '2.5ml up to four times a day when required' },
  { name: 'Doublebase emollient gel', dose: 'Apply twice a day' },
];
const ANTIPSYCHOTICS = [
  { name: 'Risperidone 500microgram tablets', dose: 'One tablet twice a day' },
  { name: 'Quetiapine 25mg tablets', dose: 'One tablet at night' },
];

// In the resident's own words, so nothing here gives a pronoun that may not be theirs (names.ts gives pronouns from the record).
const WHAT_MATTERS = [
  'Sitting by the window in the morning with a cup of tea and the radio on.',
  'Seeing my grandchildren on Sundays. Not going back into hospital.',
  'Being kept comfortable and staying here at the home with the staff I know.',
  'Going out into the garden when it is dry. My faith: the vicar visits on Thursdays.',
  'Music from the fifties, and my dog Bess who visits with my son.',
  'Being able to choose what to wear and when to get up.',
  'Staying in my own room; I do not want to be moved to another home.',
  'My knitting, and being called by the name I prefer.',
];

const FLAG_TEMPLATES: { category: FlagCategory; severity: FlagSeverity; text: string; scores?: NewFlag['scores'] }[] = [
  { category: 'fall', severity: 'high', text: 'Found on the floor beside the bed at 06:30. No obvious injury; bruise on left hip. Walking as usual.' },
  { category: 'weight-loss', severity: 'high', text: 'Lost 3.2 kg in six weeks (over 5%). Eating half of most meals.', scores: { must: 2 } },
  { category: 'soft-signs', severity: 'medium', text: 'More sleepy than usual for two days and not interested in breakfast. Observations within normal range.', scores: { news2: 2 } },
  { category: 'family-concern', severity: 'medium', text: 'Daughter worried about more muddle since the new tablets; would like to talk to the GP.' },
  { category: 'confusion', severity: 'urgent', text: 'New confusion since yesterday evening, pulling at clothes, not recognising staff.', scores: { fourAt: 5 } },
  { category: 'skin', severity: 'high', text: 'Category 2 pressure ulcer on sacrum noted at bath time. District nurses informed.' },
  { category: 'medication', severity: 'medium', text: 'Refusing evening tablets for four days running.' },
  { category: 'behaviour', severity: 'high', text: 'Shouting and hitting out during personal care since the weekend, which is new.' },
  { category: 'news2', severity: 'escalate-now', text: 'NEWS2 7: respiratory rate 26, SpO2 91% on air, temperature 38.6. Crackles heard by nurse.', scores: { news2: 7 } },
  { category: 'pain', severity: 'medium', text: 'Grimacing when moved; Abbey pain score 9.' },
];

export function buildDemoPractice(today: string, seed = 20261123): DemoPractice {
  const rnd = seeded(seed);
  const homes: CareHomeInput[] = [
    { name: 'Willow Court', type: 'nursing', cqcLocationId: '1-000000101', address: '14 Example Road, Anytown, AN1 2XY', phone: '01632 960101',
      manager: 'Grace Adeyemi', roundDay: 'tuesday', roundStartTime: '10:00', roundCapacityMinutes: 180, pharmacistMinutes: 120, roundClinician: 'Dr Amara Okafor' },
    { name: 'Beech House', type: 'residential', cqcLocationId: '1-000000102', address: '2 Sample Lane, Anytown, AN3 4XZ', phone: '01632 960102',
      manager: 'Martin Kowalski', roundDay: 'wednesday', roundStartTime: '13:30', roundCapacityMinutes: 150, roundClinician: 'Dr Amara Okafor' },
    { name: 'The Larches', type: 'nursing', cqcLocationId: '1-000000103', address: 'Larch Avenue, Anytown, AN5 6XW', phone: '01632 960103',
      manager: 'Siobhan Murphy', roundDay: 'thursday', roundStartTime: '09:30', roundCapacityMinutes: 165, pharmacistMinutes: 90, roundClinician: 'Dr Amara Okafor' },
  ];
  const perHome = [24, 16, 20];
  const residents: DemoResident[] = [];
  let serial = 1;
  const usedNames = new Set<string>();

  perHome.forEach((count, homeIndex) => {
    for (let i = 0; i < count; i++) {
      const female = rnd.chance(0.68);
      let given = '';
      let family = '';
      do {
        given = rnd.pick(female ? WOMEN : MEN);
        family = rnd.pick(FAMILY);
      } while (usedNames.has(`${given} ${family}`));
      usedNames.add(`${given} ${family}`);
      const age = rnd.int(72, 101);
      const dateOfBirth = addDays(`${Number(today.slice(0, 4)) - age}-01-01`, rnd.int(0, 364));
      const admissionDate = addDays(today, -rnd.int(3, 1500));
      const conditionCount = rnd.int(2, 5);
      const conditions = new Map<string, (typeof CONDITIONS)[number]>();
      while (conditions.size < conditionCount) {
        const c = rnd.pick(CONDITIONS);
        if (c.name.includes('ementia') || c.name.includes('Alzheimer')) {
          if ([...conditions.values()].some((x) => 'dementia' in x)) continue;
        }
        conditions.set(c.name, c);
      }
      const names = [...conditions.keys()];
      const dementia = [...conditions.values()].some((c) => 'dementia' in c) || rnd.chance(0.3);
      const eligible = MEDICINES.filter((m) => !m.when || m.when(names));
      const target = rnd.int(4, 13);
      const meds = new Map<string, { name: string; dose: string }>();
      for (const m of eligible.filter((x) => x.when)) if (rnd.chance(0.8)) meds.set(m.name, m);
      while (meds.size < target) {
        const m = rnd.pick(eligible);
        meds.set(m.name, m);
      }
      // A demo prescriber does not start a second anticoagulant or a second PPI by chance: the duplicate checks
      // should find the odd real-looking problem (paracetamol with co-codamol), not one in every few residents.
      if (meds.has('Apixaban 2.5mg tablets')) meds.delete('Warfarin 1mg tablets');
      if (meds.has('Omeprazole 20mg gastro-resistant capsules')) meds.delete('Lansoprazole 30mg gastro-resistant capsules');
      if (dementia && rnd.chance(0.3)) {
        const ap = rnd.pick(ANTIPSYCHOTICS);
        meds.set(ap.name, ap);
      }
      const medications: MedicationRecord[] = [...meds.values()].map((m) => ({
        name: m.name, dose: m.dose, startDate: addDays(today, -rnd.int(20, 1200)), type: 'repeat', status: 'active',
        lastIssued: addDays(today, -rnd.int(1, 27)),
      }));
      if (rnd.chance(0.3)) {
        medications.push({ name: 'Citalopram 20mg tablets', dose: 'One tablet once a day', startDate: addDays(today, -900), type: 'repeat',
          status: 'stopped', stoppedOn: addDays(today, -380), lastIssued: addDays(today, -400) });
      }
      if (rnd.chance(0.15)) {
        medications.push({ name: 'Amoxicillin 500mg capsules', dose: 'One capsule three times a day for 5 days', startDate: addDays(today, -9),
          type: 'acute', status: 'active', lastIssued: addDays(today, -9) });
      }

      const events: ResidentRecords['events'] = [{ type: 'admission', date: admissionDate, details: 'Moved into the home' }];
      if (rnd.chance(0.25)) {
        const back = addDays(today, -rnd.int(2, 40));
        events.push({ type: 'admission', date: addDays(back, -rnd.int(2, 9)), details: 'Admitted to Anytown General Hospital with a chest infection' });
        events.push({ type: 'discharge', date: back, details: 'Discharged from Anytown General Hospital; antibiotics completed' });
      }
      if (rnd.chance(0.2)) events.push({ type: 'a-and-e', date: addDays(today, -rnd.int(5, 200)), details: 'A&E attendance after a fall; no fracture' });
      if (rnd.chance(0.3)) events.push({ type: 'fall', date: addDays(today, -rnd.int(5, 120)), details: 'Unwitnessed fall in the lounge' });
      // The practice's own record of GP visits at the home, so continuity counts from the last one and a first week is not
      // everyone at once. Dated from the serial number, not the random stream, so every other demo value stays as it was.
      const visited = addDays(today, -((serial * 13) % 11 === 0 ? 90 + (serial % 40) : 7 + ((serial * 13) % 70)));
      if (visited > admissionDate) events.push({ type: 'visit', date: visited, details: 'Seen at the home by Dr Amara Okafor (GP visit)' });

      const reps: RepresentativeInput[] = [];
      const repCount = rnd.chance(0.85) ? rnd.int(1, 2) : 0;
      for (let r = 0; r < repCount; r++) {
        const [relationship, sex] = rnd.pick(RELATIONSHIPS);
        const repFamily = relationship === 'niece' || relationship === 'nephew' || relationship === 'friend' || relationship === 'daughter'
          ? rnd.pick(FAMILY) : family;
        const givenNames = sex === 'F' ? ['Susan', 'Karen', 'Julie', 'Helen', 'Alison', 'Joanne', 'Nadia', 'Claire'] : ['David', 'Paul', 'Mark', 'Stephen', 'Imran', 'Gary', 'Andrew'];
        let repGiven = rnd.pick(givenNames);
        // one person once per resident: a second pick of the same name is the next name in the list (no extra
        // random draw, so the rest of the demo stays as it was); the importer would merge the two rows into one
        if (reps.some((p) => p.name === `${repGiven} ${repFamily}`)) repGiven = givenNames[(givenNames.indexOf(repGiven) + 1) % givenNames.length] ?? repGiven;
        reps.push({
          name: `${repGiven} ${repFamily}`,
          relationship,
          phone: `01632 960${String(rnd.int(200, 999))}`,
          email: rnd.chance(0.6) ? `${relationship}${serial}@example.com` : '',
          holdsLpaHealthWelfare: r === 0 && rnd.chance(dementia ? 0.55 : 0.25),
          lpaRegisteredOn: null,
          preferredContact: rnd.pick(['phone', 'phone', 'in-person', 'video', 'not'] as const),
          notes: null,
        });
        const first = reps[0];
        if (r === 0 && first?.holdsLpaHealthWelfare) first.lpaRegisteredOn = addDays(today, -rnd.int(200, 3000));
      }

      const carePlans: NonNullable<ResidentRecords['carePlans']> = [];
      if (rnd.chance(0.7)) {
        const recordedOn = addDays(today, -rnd.int(30, 700));
        const notForCpr = rnd.chance(0.75);
        carePlans.push({
          element: 'respect', value: notForCpr ? 'not-for-cpr' : 'for-cpr', recordedOn, reviewDue: addMonths(recordedOn, 12),
          details: { cpr: notForCpr ? 'not-for-cpr' : 'for-cpr', treatmentFocus: notForCpr ? rnd.pick(['comfort', 'balanced']) : 'life-sustaining' },
          participants: { resident: { tookPart: !dementia, hadCapacity: !dementia }, representativeNames: reps[0] ? [reps[0].name] : [], clinician: 'Dr Amara Okafor' },
        });
      }
      if (rnd.chance(0.55)) {
        carePlans.push({ element: 'preferred-place-of-death', value: rnd.pick(['Care home', 'Care home', 'Hospice', 'Hospital']),
          recordedOn: addDays(today, -rnd.int(30, 900)), reviewDue: null, participants: { resident: { tookPart: true } } });
      }
      if (rnd.chance(0.4)) {
        carePlans.push({ element: 'preferred-place-of-care', value: 'Stay at the home with familiar staff', recordedOn: addDays(today, -rnd.int(30, 900)), reviewDue: null });
      }
      if (rnd.chance(0.2)) {
        // About one in twenty residents in their last weeks (GSF C or D); the rest at B. The serial decides, so the
        // random stream (and every other demo value) stays as it was.
        const code = rnd.pick(['B', 'C', 'C', 'D']);
        carePlans.push({ element: 'gsf', value: serial % 3 === 0 ? code : 'B', recordedOn: addDays(today, -rnd.int(3, 60)), reviewDue: null });
      }

      const reviews: NonNullable<ResidentRecords['reviews']> = [];
      if (rnd.chance(0.8)) reviews.push({ rule: 'smr', doneOn: addDays(today, -rnd.int(20, 450)), doneBy: 'Tom Briggs (pharmacist)', outcome: 'Medicines reviewed with the resident and care staff' });
      // Blood monitoring checks and antipsychotic reviews, most of them recent. Dated from the serial number, not
      // the random stream, so every other demo value stays as it was.
      for (const m of medications) {
        const rule = MONITORED.find(([pattern]) => pattern.test(m.name))?.[1] ?? (dementia && /^(Risperidone|Quetiapine)/.test(m.name) ? 'antipsychotic-dementia' : null);
        const doneOn = addDays(today, -(rule === 'antipsychotic-dementia' ? (serial * 11) % 50 + 3 : (serial * 17) % 80 + 10));
        if (rule === null || m.status !== 'active' || serial % 5 === 0 || (m.startDate !== null && m.startDate !== undefined && doneOn < m.startDate)) continue;
        reviews.push(rule === 'antipsychotic-dementia'
          ? { rule, doneOn, doneBy: 'Dr Amara Okafor (GP)', outcome: 'Antipsychotic reviewed with the family: continue for now, try a lower dose next time' }
          : { rule, doneOn, doneBy: 'Priya Shah (nurse)', outcome: 'Bloods taken; results in range' });
      }

      const flags: DemoResident['flags'] = [];
      if (rnd.chance(0.35)) {
        const template = rnd.pick(FLAG_TEMPLATES.filter((t) => t.severity !== 'escalate-now'));
        flags.push({ rawIdentity: { name: `${given} ${family}`, dateOfBirth }, raisedOn: addDays(today, -rnd.int(0, 10)),
          raisedBy: rnd.pick(['Senior carer on days', 'Nurse in charge', 'Deputy manager']), category: template.category, severity: template.severity,
          text: template.text, ...(template.scores ? { scores: template.scores } : {}), matchMethod: 'entered' });
      }

      residents.push({
        homeIndex,
        resident: {
          nhsNumber: testNhsNumber(serial * 37),
          familyName: family,
          givenName: given,
          preferredName: rnd.chance(0.25) ? rnd.pick(female ? ['Peggy', 'Dot', 'Betty', 'Dolly'] : ['Bill', 'Ron', 'Ken', 'Sid']) : null,
          dateOfBirth,
          sex: female ? 'female' : 'male',
          room: `${homeIndex + 1}${String(i + 1).padStart(2, '0')}`,
          admissionDate,
          status: 'active',
          frailty: rnd.int(5, 8),
          dementia,
          communicationNeeds: rnd.chance(0.3) ? rnd.pick(['Hard of hearing: hearing aid in the left ear', 'Wears glasses for reading', 'Speaks Polish as first language; daughter interprets', 'Limited speech after stroke: uses yes/no cards']) : null,
          capacityNotes: dementia ? 'Lacks capacity for complex medical decisions; best-interests decisions with family.' : null,
          whatMatters: rnd.chance(0.75) ? rnd.pick(WHAT_MATTERS) : null,
        },
        representatives: reps,
        records: { medications, conditions: [...conditions.values()].map((c) => ({ name: c.name, code: c.code, onset: addDays(today, -rnd.int(400, 6000)) })), events, carePlans, reviews },
        flags,
      });
      serial++;
    }
  });

  // One resident whose condition needs same-day action, so the escalation path shows in the demo.
  const unwell = residents[3];
  const escalate = FLAG_TEMPLATES.find((t) => t.severity === 'escalate-now');
  if (unwell && escalate) {
    unwell.flags.push({ rawIdentity: { name: `${unwell.resident.givenName} ${unwell.resident.familyName}`, dateOfBirth: unwell.resident.dateOfBirth },
      raisedOn: today, raisedBy: 'Nurse in charge', category: escalate.category, severity: escalate.severity, text: escalate.text, scores: escalate.scores ?? {}, matchMethod: 'entered' });
  }

  // Willow Court's weekly file: rows the matcher must not place on anyone by itself.
  const willow = residents.filter((r) => r.homeIndex === 0);
  const queuedFlags: DemoQueuedFlag[] = [];
  const [a, b, c] = [willow[5], willow[7], willow[9]];
  if (a && b && c) {
    queuedFlags.push(
      { homeIndex: 0, line: 2, identity: { name: `${a.resident.givenName} ${a.resident.familyName}`, dateOfBirth: addMonths(a.resident.dateOfBirth, 12) },
        raisedOn: addDays(today, -2), raisedBy: 'Senior carer on days', category: 'fall', text: 'Slipped in the bathroom; sore wrist, moving it freely.' },
      { homeIndex: 0, line: 3, identity: { familyName: b.resident.familyName, givenName: b.resident.givenName.charAt(0), dateOfBirth: null },
        raisedOn: addDays(today, -1), raisedBy: 'Nurse in charge', category: 'eating-drinking', text: 'Drinking very little for three days; lips dry.' },
      { homeIndex: 0, line: 4, identity: { name: `Jim ${c.resident.familyName}`, dateOfBirth: c.resident.dateOfBirth, nhsNumber: c.resident.nhsNumber },
        raisedOn: addDays(today, -1), raisedBy: 'Deputy manager', category: 'family-concern', text: 'Son asks for a call about the new tablets.' },
      { homeIndex: 0, line: 5, identity: { name: 'Evelyn Marsh', dateOfBirth: '1933-05-14' },
        raisedOn: today, raisedBy: 'Senior carer on days', category: 'admission', text: 'New resident arrived yesterday from hospital; no GP registration yet.' },
    );
  }

  return {
    queuedFlags,
    practice: { name: 'Riverside Medical Practice (demo)', odsCode: 'Z99901' },
    staff: [
      { name: 'Dr Amara Okafor', role: 'gp' }, { name: 'Dr James Whitfield', role: 'gp' },
      { name: 'Priya Shah', role: 'nurse' }, { name: 'Tom Briggs', role: 'pharmacist' }, { name: 'Lena Fischer', role: 'acp' },
    ],
    homes,
    residents,
  };
}
