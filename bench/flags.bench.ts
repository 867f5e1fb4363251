/**
 * Flag intake at Primary Care Network scale: a 500-row weekly file from one home matched against a
 * register of 2,000 residents in 50 homes (a Primary Care Network), then the same file again (all
 * duplicates), then listing the unmatched queue. Prints milliseconds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../main/services/context';
import { importFlags } from '../main/services/flags';
import { testNhsNumber } from '../main/services/demoData';
import { openStore } from '../main/store';
import { addDays, formatUkDate } from '#shared/dates';
import { careHomeInput, residentInput } from '#shared/domain/register';

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-flags-'));
  const store = await openStore(path.join(dir, 'bench.sqlite'));
  const ctx = createContext(store, { today: '2026-11-23', actor: { osUser: 'bench', staffId: null } });
  try {
    const homeIds: number[] = [];
    for (let h = 0; h < 50; h++) {
      homeIds.push((await store.homes.create(ctx.actor, careHomeInput.parse({ name: `Home ${h + 1}`, type: 'residential' }))).id);
    }
    const families = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright'];
    const givens = ['Mary', 'Joan', 'Arthur', 'Betty', 'Harold', 'Edna', 'Albert', 'Irene'];
    const people: { family: string; given: string; dob: string; nhs: string }[] = [];
    for (let i = 0; i < 2000; i++) {
      const p = { family: `${families[i % 10]}${Math.floor(i / 80)}`, given: givens[i % 8] ?? 'Ann', dob: addDays('1930-01-01', i * 7), nhs: testNhsNumber(1000 + i * 3) };
      people.push(p);
      await store.residents.create(ctx.actor, residentInput.parse({ nhsNumber: p.nhs, familyName: p.family, givenName: p.given, dateOfBirth: p.dob,
        sex: 'unknown', homeId: homeIds[i % 50] }));
    }
    const here = people.filter((_, i) => i % 50 === 0);
    const lines = ['raised_on,name,date_of_birth,nhs_number,category,details,raised_by'];
    for (let r = 0; r < 500; r++) {
      const p = here[r % here.length] ?? people[0];
      if (!p) break;
      const nhs = r % 3 === 0 ? p.nhs : '';
      const dob = r % 5 === 0 ? '' : formatUkDate(p.dob);
      lines.push(`${formatUkDate(addDays('2026-11-01', r % 20))},${p.given} ${p.family},${dob},${nhs},fall,Row ${r},Carer`);
    }
    const file = path.join(dir, 'flags.csv');
    writeFileSync(file, lines.join('\n'));

    let t = performance.now();
    const first = await importFlags(ctx, { file, homeId: homeIds[0] ?? 1 });
    console.log(`import 500 flags against 2,000 residents: ${(performance.now() - t).toFixed(0)} ms `
      + `(${first.matched} matched, ${first.matchedOnNameAndDob} on name and date of birth, ${first.unmatched} unmatched)`);
    t = performance.now();
    await importFlags(ctx, { file, homeId: homeIds[0] ?? 1 });
    console.log(`re-import the same file (all duplicates): ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    const queue = await store.flags.list({ unmatched: true }, '2026-11-23');
    console.log(`list the unmatched queue (${queue.length} flags with candidates): ${(performance.now() - t).toFixed(0)} ms`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
