/**
 * The Residents list at scale through the real handler: every resident reachable a page at a time with
 * the right total (no silent cap), a fixed order across pages, filters, and what needs attention
 * (most severe open flag first, next round).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { modulus11CheckDigit } from '../../shared/rules/nhsNumber';
import { openTempStore, sampleHome, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let serial = 0;
function nhsNumber(): string {
  for (;;) {
    serial += 1;
    const first = `999${String(serial).padStart(6, '0')}`;
    const check = modulus11CheckDigit(first);
    if (check !== null) return `${first}${check}`;
  }
}

async function page(input: ChannelInput<'residents:page'>): Promise<ChannelOutput<'residents:page'>> {
  const result = await dispatch(t.ctx, 'residents:page', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as ChannelOutput<'residents:page'>;
}

const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await openTempStore('2026-11-23');
  const actor = t.ctx.actor;
  for (const [name, count] of [['Ash House', 70], ['Willow Court', 60]] as const) {
    const home = await t.store.homes.create(actor, careHomeInput.parse({ ...sampleHome, name, cqcLocationId: undefined }));
    for (let i = 0; i < count; i++) {
      const r = await t.store.residents.create(actor, residentInput.parse({ nhsNumber: nhsNumber(), familyName: `${name.split(' ')[0]}${String(i).padStart(3, '0')}`,
        givenName: 'Pat', dateOfBirth: '1935-01-01', sex: 'female', homeId: home.id, room: String(i + 1), admissionDate: '2025-01-01' }));
      ids[`${name}:${i}`] = r.id;
    }
  }
  const target = ids['Willow Court:7'] ?? 0;
  const homeId = (await t.store.residents.get(target)).homeId;
  for (const severity of ['high', 'escalate-now'] as const) {
    await t.store.flags.add(actor, { homeId, residentId: target, rawIdentity: {}, raisedOn: '2026-11-22', raisedBy: 'Senior carer', category: severity === 'high' ? 'fall' : 'news2',
      severity, text: 'Test flag', scores: {} }, 'test');
  }
}, 120_000);

afterAll(() => t?.cleanup());

describe('residents list, a page at a time', () => {
  it('reaches every resident past the old 1,000-row cap with the right total, the last page ending with the last resident of the last home', async () => {
    const first = await page({ limit: 50 });
    expect(first.total).toBe(130);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]?.resident.familyName).toBe('Ash000');
    const last = await page({ limit: 50, offset: 100 });
    expect(last.total).toBe(130);
    expect(last.rows).toHaveLength(30);
    expect(last.rows.at(-1)?.resident.familyName).toBe('Willow059');
    const seen = new Set([...first.rows, ...(await page({ limit: 50, offset: 50 })).rows, ...last.rows].map((r) => r.resident.id));
    expect(seen.size).toBe(130);
  });

  it('filters by home and by open flag, counting only what matches', async () => {
    expect((await page({ homeId: (await t.store.residents.get(ids['Willow Court:0'] ?? 0)).homeId })).total).toBe(60);
    const flagged = await page({ withOpenFlag: true });
    expect(flagged.total).toBe(1);
    expect(flagged.rows[0]?.openFlags).toBe(2);
  });

  it('shows the most severe open flag (escalate-now above high), sorts by it, and gives each resident the home’s next round', async () => {
    const bySeverity = await page({ sort: 'flag', limit: 3 });
    expect(bySeverity.rows[0]?.resident.id).toBe(ids['Willow Court:7']);
    expect(bySeverity.rows[0]?.worstFlag).toMatchObject({ severity: 'escalate-now', category: 'news2', actionRecorded: false });
    expect(bySeverity.rows[1]?.worstFlag).toBeNull();
    // The sample home's usual round day is Tuesday; 23/11/2026 is a Monday.
    expect(bySeverity.rows[0]?.nextRound).toEqual({ date: '2026-11-24', planned: false });
  });

  it('sorts by room as numbers, and descending reverses the order', async () => {
    const rooms = (await page({ sort: 'room', homeId: (await t.store.residents.get(ids['Ash House:0'] ?? 0)).homeId, limit: 12 })).rows.map((r) => r.resident.room);
    expect(rooms.slice(0, 12)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const down = await page({ sort: 'name', descending: true, limit: 1 });
    expect(down.rows[0]?.resident.familyName).toBe('Willow059');
  });

  it('puts the same most severe open flag and next round at the top of the resident’s own page', async () => {
    const result = await dispatch(t.ctx, 'residents:view', { id: ids['Willow Court:7'] });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { header } = result.value as ChannelOutput<'residents:view'>;
    expect(header.worstFlag).toMatchObject({ severity: 'escalate-now', category: 'news2', raisedOn: '2026-11-22' });
    expect(header.openFlags).toBe(2);
    expect(header.nextRound).toEqual({ date: '2026-11-24', planned: false });
  });

  it('filters to who needs attention for reviews due or care-plan gaps, agreeing with the columns, and shows a change at once', async () => {
    const everyone = async () => [...(await page({ limit: 100 })).rows, ...(await page({ limit: 100, offset: 100 })).rows];
    const target = ids['Ash House:3'] ?? 0;
    const dueIds = async () => (await page({ due: 'reviews', status: 'all', limit: 200 })).rows.map((r) => r.resident.id);
    expect(await dueIds()).toContain(target);
    // Someone who has left has nothing due: the filter follows at once (nothing stale remembered).
    const { nhsNumber: nhs, familyName, givenName, dateOfBirth, sex, homeId, room, admissionDate } = await t.store.residents.get(target);
    await t.store.residents.update(t.ctx.actor, target, residentInput.parse({ nhsNumber: nhs, familyName, givenName, dateOfBirth, sex, homeId, room, admissionDate,
      status: 'left', statusDate: '2026-11-20' }));
    expect(await dueIds()).not.toContain(target);
    const all = await everyone();
    const withReviews = await page({ due: 'reviews', limit: 100 });
    expect(withReviews.total).toBe(all.filter((r) => r.reviewsDue.count > 0).length);
    expect(withReviews.rows.every((r) => r.reviewsDue.count > 0)).toBe(true);
    const withGaps = await page({ due: 'care-plan', limit: 100 });
    expect(withGaps.total).toBe(all.filter((r) => r.carePlanGaps.count > 0).length);
    expect(withGaps.rows.every((r) => r.carePlanGaps.count > 0)).toBe(true);
  });

  it('finds one resident by id, for a picker showing its choice, even past the first thousand', async () => {
    const last = ids['Willow Court:59'] ?? 0;
    const one = await page({ residentId: last, status: 'all', limit: 1 });
    expect(one.total).toBe(1);
    expect(one.rows.map((r) => r.resident.familyName)).toEqual(['Willow059']);
  });

  it('refuses a page larger than the largest page', async () => {
    const result = await dispatch(t.ctx, 'residents:page', { limit: 5000 });
    expect(result.ok).toBe(false);
  });
});
