/**
 * A synthetic primary care network for benchmarks and scale tests: homes of residents with test-range
 * NHS numbers, representatives, a few medicines each and open flags, written through the store as the
 * app would write them. Deterministic for a seed, so every run measures the same data.
 */
import { addDays } from '#shared/dates';
import type { FlagCategory, FlagSeverity } from '#shared/domain/enums';
import { careHomeInput, representativeInput, residentInput } from '#shared/domain/register';
import { modulus11CheckDigit } from '#shared/rules/nhsNumber';
import type { Store } from '../main/store';

/** A deterministic pseudo-random sequence. */
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SEVERITIES: FlagSeverity[] = ['urgent', 'high', 'high', 'medium', 'routine'];
const CATEGORIES: FlagCategory[] = ['fall', 'skin', 'weight-loss', 'behaviour', 'family-concern'];
const MEDICINES = ['Sertraline 50mg tablets', 'Amlodipine 5mg tablets', 'Paracetamol 500mg tablets', 'Donepezil 10mg tablets', 'Ramipril 2.5mg capsules',
  'Atorvastatin 20mg tablets', 'Lansoprazole 15mg capsules', 'Furosemide 40mg tablets', 'Apixaban 5mg tablets', 'Quetiapine 25mg tablets',
  'Zopiclone 3.75mg tablets', 'Oxybutynin 5mg tablets'];

export interface PcnOptions {
  homes: number;
  perHome: number;
  seed: number;
  today: string;
  /** Give residents a few current medicines (so medication reviews fall due). Default true. */
  medicines?: boolean;
  /** Name of home n (1-based); default "Bench Home n". */
  homeName?: (n: number) => string;
}

/** Writes the network and returns the homes' ids in order. NHS numbers run on from `firstSerial` (999 prefix, test range). */
export async function generatePcn(store: Store, o: PcnOptions, firstSerial = 0): Promise<number[]> {
  const rnd = random(o.seed);
  const actor = { osUser: 'bench', staffId: null };
  let serial = firstSerial;
  const nhsNumber = (): string => {
    for (;;) {
      serial += 1;
      const first = `999${String(serial).padStart(6, '0')}`;
      const check = modulus11CheckDigit(first);
      if (check !== null) return `${first}${check}`;
    }
  };
  const ids: number[] = [];
  for (let h = 0; h < o.homes; h++) {
    const home = await store.homes.create(actor, careHomeInput.parse({ name: o.homeName?.(h + 1) ?? `Bench Home ${h + 1}`, type: h % 2 ? 'nursing' : 'residential',
      roundDay: 'tuesday', roundStartTime: '10:00', roundCapacityMinutes: 120 + (h % 3) * 30 }));
    ids.push(home.id);
    for (let r = 0; r < o.perHome; r++) {
      const resident = await store.residents.create(actor, residentInput.parse({
        nhsNumber: nhsNumber(), familyName: `Family${h}x${r}`, givenName: `Given${r}`, dateOfBirth: '1936-03-03', sex: r % 2 ? 'male' : 'female', homeId: home.id,
        room: String(r + 1), admissionDate: addDays(o.today, -Math.floor(rnd() * 1500)), dementia: rnd() < 0.5,
      }), rnd() < 0.8 ? [representativeInput.parse({ name: `Relative ${h}-${r}`, relationship: 'daughter', holdsLpaHealthWelfare: rnd() < 0.3 })] : []);
      if (o.medicines !== false) {
        const count = 2 + Math.floor(rnd() * 10);
        const start = Math.floor(rnd() * MEDICINES.length);
        await store.records.add(actor, resident.id, {
          medications: Array.from({ length: count }, (_, i) => ({ name: MEDICINES[(start + i) % MEDICINES.length] ?? 'Paracetamol 500mg tablets', dose: null,
            startDate: addDays(o.today, -30 - Math.floor(rnd() * 700)), type: 'repeat' as const, status: 'active' as const })),
        }, 'bench');
      }
      if (rnd() < 0.3) {
        const category = CATEGORIES[Math.floor(rnd() * CATEGORIES.length)] ?? 'fall';
        await store.flags.add(actor, { homeId: home.id, residentId: resident.id, rawIdentity: { n: resident.nhsNumber }, raisedOn: addDays(o.today, -Math.floor(rnd() * 10)),
          raisedBy: category === 'family-concern' ? `Relative ${h}-${r}` : 'Senior carer', category,
          severity: category === 'family-concern' ? 'medium' : SEVERITIES[Math.floor(rnd() * SEVERITIES.length)] ?? 'high', text: `Bench flag ${h}-${r}`, scores: {} }, 'bench');
      }
    }
  }
  return ids;
}

/**
 * Builds a network into a fresh database file under /dev/shm when there is one (no disk syncs, so a
 * 2,000-resident register takes seconds, not half a minute) and returns the closed file, for a test or
 * benchmark to copy. The caller removes `dir` when done.
 */
export async function buildPcnFile(o: PcnOptions & { openStore: (file: string) => Promise<Store> }): Promise<{ dir: string; file: string; homeIds: number[] }> {
  const { mkdtempSync, existsSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const base = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = mkdtempSync(path.join(base, 'roundtable-pcn-'));
  const file = path.join(dir, 'pcn.sqlite');
  const store = await o.openStore(file);
  try {
    return { dir, file, homeIds: await generatePcn(store, o) };
  } finally {
    store.close();
  }
}
