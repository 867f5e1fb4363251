/**
 * The screens at PCN scale, in Chromium through the e2e harness (the built renderer and the real
 * handlers on a real SQLite file): a generated network of 50 homes and 2,000 residents, plus one home of
 * 200 for planning. Printed, never failing on time. Needs `npm run build:renderer` first.
 *
 * Goals (issue 16): page load → Residents interactive < 500 ms; filter keystroke < 50 ms; Reviews and
 * Care plans first render < 1 s.
 */
import { rmSync } from 'node:fs';
import { openStore } from '../main/store';
import { startHarness, type Harness } from '../tests/e2e/harness';
import { buildPcnFile, generatePcn } from './pcn';

const TODAY = '2026-11-23';
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const fmt = (values: number[], goal?: number) => {
  const m = median(values);
  return `median ${m.toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, ${values.length} runs)${goal === undefined ? '' : m < goal ? ` – meets the goal of < ${goal} ms` : ` – MISSES the goal of < ${goal} ms`}`;
};

/** From navigation to the first row of a table on screen. */
async function firstRender(h: Harness, route: string, selector: string): Promise<number> {
  await h.page.goto(`${h.origin}/#/homes`);
  await h.page.locator('main[data-ready="true"]').waitFor();
  const began = performance.now();
  await h.page.goto(`${h.origin}/#${route}`);
  await h.page.locator(selector).first().waitFor();
  return performance.now() - began;
}

/** One keystroke in the search box to the frame that shows it (measured in the page). */
const KEYSTROKE = `(async () => {
  const input = document.getElementById('search');
  input.focus();
  const began = performance.now();
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setValue.call(input, input.value + 'F');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - began;
})()`;

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  let t = performance.now();
  const pcn = await buildPcnFile({ homes: 50, perHome: 40, seed: 16, today: TODAY, openStore });
  const extra = await openStore(pcn.file);
  const [largeHome] = await generatePcn(extra, { homes: 1, perHome: 200, seed: 17, today: TODAY, homeName: () => 'Large Home (200 residents)' }, 200_000);
  extra.close();
  lines.push(`generated a PCN of 50 homes and 2,000 residents, plus a home of 200: ${(performance.now() - t).toFixed(0)} ms`);
  let h: Harness | null = null;
  try {
    h = await startHarness({ today: TODAY, databaseFrom: pcn.file, viewport: { width: 1366, height: 768 } });
    const rowSelector = '[data-testid=residents-table] tbody tr';

    const loads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await h.page.goto('about:blank');
      const began = performance.now();
      await h.page.goto(`${h.origin}/#/residents`);
      await h.page.locator(rowSelector).first().waitFor();
      loads.push(performance.now() - began);
    }
    lines.push(`page load → Residents interactive (2,200 residents, first page of 50): ${fmt(loads, 500)}`);

    const keys: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) keys.push((await h.page.evaluate(KEYSTROKE)) as number);
    lines.push(`filter keystroke → frame shown: ${fmt(keys, 50)}`);

    const filters: number[] = [];
    const count = h.page.getByTestId('list-count');
    for (let i = 0; i < RUNS; i++) {
      await h.page.getByLabel('Search by name, NHS number or room').fill('');
      await count.filter({ hasText: /^2,200 residents/ }).waitFor();
      const began = performance.now();
      await h.page.getByLabel('Search by name, NHS number or room').fill(`Family${10 + i}x1`);
      await count.filter({ hasText: /^\d+ residents?$/ }).waitFor();
      filters.push(performance.now() - began);
    }
    lines.push(`typing a name → filtered list shown (includes the 200 ms typing pause and the query): ${fmt(filters)}`);

    const homes: number[] = [];
    await h.page.getByLabel('Search by name, NHS number or room').fill('');
    await count.filter({ hasText: /^2,200 residents/ }).waitFor();
    for (let i = 0; i < RUNS; i++) {
      await h.page.getByLabel('Care home').selectOption({ index: 1 + i });
      const began = performance.now();
      await h.page.getByLabel('Care home').selectOption({ index: 2 + i });
      await count.filter({ hasText: /^40 residents$/ }).waitFor();
      homes.push(performance.now() - began);
    }
    lines.push(`choosing a care home → list shown: ${fmt(homes)}`);

    // First render after the data changed (a write forgets the remembered whole-register computations, so
    // the rules run for every resident), then coming back with nothing changed (remembered on the context).
    const { settings } = await h.invoke('settings:get', {});
    const change = async () => { await h?.invoke('settings:save', { settings }); };
    const reviews: number[] = [];
    const plans: number[] = [];
    const reviewsAgain: number[] = [];
    const plansAgain: number[] = [];
    for (let i = 0; i < 3; i++) {
      await change();
      reviews.push(await firstRender(h, '/reviews', '[data-testid=reviews-table] tbody tr'));
      reviewsAgain.push(await firstRender(h, '/reviews', '[data-testid=reviews-table] tbody tr'));
      await change();
      plans.push(await firstRender(h, '/care-plans', '[data-testid=care-plans-table] tbody tr'));
      plansAgain.push(await firstRender(h, '/care-plans', '[data-testid=care-plans-table] tbody tr'));
    }
    lines.push(`Reviews first render after a change (2,200 residents, every rule run): ${fmt(reviews, 1000)}`);
    lines.push(`  coming back with nothing changed (remembered): ${fmt(reviewsAgain)}`);
    lines.push(`Care plans first render after a change (2,200 residents): ${fmt(plans, 1000)}`);
    lines.push(`  coming back with nothing changed (remembered): ${fmt(plansAgain)}`);
    // Where the time goes: the service alone (snapshots and rules for every resident, after a change), without the page.
    const service = async (work: () => Promise<unknown>) => { await change(); const began = performance.now(); await work(); return performance.now() - began; };
    const reviewService: number[] = [];
    const planService: number[] = [];
    for (let i = 0; i < 3; i++) {
      reviewService.push(await service(() => h?.invoke('reviews:list', {}) ?? Promise.resolve()));
      planService.push(await service(() => h?.invoke('carePlans:list', {}) ?? Promise.resolve()));
    }
    lines.push(`  of which the reviews:list service alone (first page, after a change): ${fmt(reviewService)}; carePlans:list alone: ${fmt(planService)}`);

    t = performance.now();
    const { round } = await h.invoke('rounds:create', { homeId: largeHome ?? 0, date: '2026-11-24', clinicians: ['Dr Bench'] });
    const planned = performance.now() - t;
    await h.page.goto(`${h.origin}/#/rounds/${round.id}`);
    await h.page.locator('.app-round-item').first().waitFor();
    lines.push(`planning a 200-resident home to a rendered plan: ${(performance.now() - t).toFixed(0)} ms (planning and saving ${planned.toFixed(0)} ms; ${round.items.length} residents on the agenda)`);
    if (h.problems.length) lines.push(`problems seen in the page: ${h.problems.slice(0, 3).join('; ')}`);
  } finally {
    await h?.close();
    rmSync(pcn.dir, { recursive: true, force: true });
  }
  return lines;
}
