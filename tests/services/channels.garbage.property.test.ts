/**
 * Garbage at every door: every channel of the IPC contract (enumerated from it, so a new channel is covered
 * the day it is added) is called through the real dispatch with generated junk: wrong types, huge strings,
 * extreme numbers and dates, nested junk, prototype-pollution keys, and near-valid inputs built from the
 * channel's own field names. Each call must answer with a plain error envelope (or a valid ok), never a raw
 * exception; a refused call must leave the database exactly as it was; and the process must stay well.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { createContext, type AppContext } from '../../main/services/context';
import { openStore } from '../../main/store';
import { CHANNELS, contract, type Channel } from '../../shared/ipc';
import { copyDemo, DEMO_TODAY, type DemoCopy } from '../helpers/demo';
import { contentHash, openRaw, type RawDb } from '../helpers/rawDb';
import { sampleHome, sampleResident } from '../helpers/tempStore';
import { FLAG_CATEGORIES, FLAG_STATUSES } from '../../shared/domain/enums';

/** Calls per channel; raise it locally with ROUNDTABLE_GARBAGE_RUNS=500 for a longer hunt. */
const RUNS = Number(process.env.ROUNDTABLE_GARBAGE_RUNS ?? 25);
/** Error codes a refusal may carry: each is an AppError a service or the contract raised on purpose. */
const PLAIN_CODES = ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'IMPORT_REJECTED', 'UNKNOWN_CHANNEL'];
/** Generous: the demo practice and a run of garbage take far less; a runaway report took 4 GB. */
const HEAP_BOUND = 1.5 * 1024 ** 3;

/** How the calls were answered, by channel: ok, or the error code. */
const answers = new Map<string, Map<string, number>>();
function tally(channel: string, answer: string): void {
  const counts = answers.get(channel) ?? new Map<string, number>();
  counts.set(answer, (counts.get(answer) ?? 0) + 1);
  answers.set(channel, counts);
}

let demo: DemoCopy;
let ctx: AppContext;
let reader: RawDb;

beforeAll(async () => {
  demo = await copyDemo();
  ctx = createContext(await openStore(demo.db), { today: DEMO_TODAY, actor: { osUser: 'garbage-test', staffId: null } });
  reader = await openRaw(demo.db, { readonly: true });
});
afterAll(async () => {
  await reader?.close();
  ctx?.store.close();
  await demo?.cleanup();
});

/** integrity_check (SQLite), then a hash over every row of every table. */
async function databaseState(): Promise<string> {
  expect(await reader.integrity()).toBe('ok');
  return contentHash(reader);
}

const HUGE = 'x'.repeat(1_000_000);
const words = fc.constantFrom(
  '', ' ', '0', '1', '-1', 'NaN', 'null', 'true', '2026-11-23', '2026-11-24', '0001-01-01', '9999-12-31', '1900-01-01', '2026-02-30', '23/11/2026',
  '10:00', '25:61', '../../../../etc/passwd', '/dev/zero', 'C:\\Windows\\win.ini', '\\\\server\\share\\x.csv', 'AAAAAAAAAAAAAAAAAAAAAA',
  '__proto__', 'constructor', 'prototype', "'; DROP TABLE resident; --", '\u0000', '\uD800', '🙂'.repeat(50), 'x'.repeat(5000), HUGE,
  'roundtable-2026-11-20T10-00-00-000Z-manual.sqlite', 'active', 'all', 'left', 'died', 'open', 'closed', 'held', 'agenda', 'letters', 'summary',
  'agenda-issued', 'up', 'down', 'patients', 'medications', 'csv', 'fhir', 'gp', 'urgent', 'routine', 'residential', 'nursing', 'tuesday', 'phone', 'invited',
  '9434765919', '943 476 5919', '9990000379',
);
const numbers = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 5, 60, -1, 0.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, NaN, Infinity, -Infinity, -0),
  fc.integer(), fc.double(), fc.integer({ min: 1, max: 80 }),
);
const dates = fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10)));
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  Object.create(null) as unknown,
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(words, numbers, dates, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 40 }),
  fc.bigInt().map((n) => n as unknown), pollution);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 120 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(words, fc.constantFrom('__proto__', 'constructor')), leaf, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Values a real caller would send: existing ids, near dates, short words; mixed with junk, they reach the services. */
const plausible: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1, max: 80 }),
  fc.integer({ min: 0, max: 30 }).map((d) => `2026-${d < 8 ? '11' : '12'}-${String(d < 8 ? 23 + d : d - 7).padStart(2, '0')}`),
  words, fc.boolean(), fc.string({ maxLength: 12 }),
);
const field: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: junk });

/**
 * Valid calls for channels whose input is a large record (a field-by-field guess rarely passes their schema):
 * each is sent as it is, and with one field, at any depth, replaced by junk or removed.
 */
const SEEDS: Partial<Record<Channel, Record<string, unknown>>> = {
  'homes:create': { home: { ...sampleHome, name: 'Garbage Test Lodge', cqcLocationId: '1-555000999' } },
  'homes:update': { id: 1, home: { ...sampleHome } },
  'residents:create': { resident: sampleResident(1) },
  'residents:update': { id: 1, resident: sampleResident(1) },
  'flags:enter': { flag: { homeId: 1, residentId: 1, category: FLAG_CATEGORIES[0], details: 'Unsteady on her feet', raisedBy: 'Carer', raisedOn: '2026-11-23' } },
  'flags:set-status': { id: 1, status: FLAG_STATUSES[1] },
  'rounds:create': { homeId: 1, date: '2026-12-02', clinicians: ['Dr Amara Okafor'] },
  'rounds:set-minutes': { itemId: 1, minutes: 20 },
  'rounds:add-resident': { roundId: 1, residentId: 5, minutes: 15 },
  'reports:outcomes': { from: '2026-01-01', to: '2026-11-30' },
  'reports:csv': { homeId: 1, from: '2025-12-01', to: '2026-11-30' },
  'audit:search': { from: '2026-11-01', to: '2026-11-30', limit: 50 },
};

/** Every path to a leaf of a seed: ['home', 'name'], ['id'], … */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

/** A copy of the seed with the value at `at` replaced (undefined: removed). */
function mutate(seed: unknown, at: string[], value: unknown): unknown {
  const [head, ...rest] = at;
  if (head === undefined) return value;
  const copy: Record<string, unknown> = { ...(seed as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = mutate(copy[head], rest, value);
  return copy;
}

function seeded(channel: Channel): fc.Arbitrary<unknown> | null {
  const seed = SEEDS[channel];
  if (!seed) return null;
  return fc.oneof(fc.constant(seed), fc.tuple(fc.constantFrom(...leafPaths(seed)), fc.oneof(junk, plausible, fc.constant(undefined)))
    .map(([at, value]) => mutate(seed, at, value)));
}

/** The names of a schema's fields, when it is an object (wrapped or not). */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** Near-valid: the channel's own fields, nested a level where a field is an object, with junk values. */
function inputFor(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].input;
  const fields = fieldsOf(schema);
  const nested = (name: string): fc.Arbitrary<unknown> => {
    const inner = fieldsOf((schema as unknown as { shape: Record<string, unknown> }).shape[name]);
    return inner.length === 0 ? field : fc.oneof({ weight: 1, arbitrary: junk }, { weight: 3, arbitrary: fc.record(Object.fromEntries(inner.map((f) => [f, field])), { requiredKeys: [] }) });
  };
  const shaped = fields.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(fields.map((f) => [f, nested(f)])), { requiredKeys: [] });
  // every field present and plausible (objects filled in too): the kind of call that gets past the schema
  const fill = (names: string[], of: (name: string) => fc.Arbitrary<unknown>) => fc.record(Object.fromEntries(names.map((f) => [f, of(f)])));
  const complete = fields.length === 0 ? fc.constant({}) : fill(fields, (name) => {
    const inner = fieldsOf((schema as unknown as { shape: Record<string, unknown> }).shape[name]);
    return inner.length === 0 ? plausible : fill(inner, () => plausible);
  });
  const fromSeed = seeded(channel);
  return fc.oneof(
    ...(fromSeed ? [{ weight: 6, arbitrary: fromSeed }] : []),
    { weight: 3, arbitrary: shaped },
    { weight: 3, arbitrary: complete },
    { weight: 1, arbitrary: fc.tuple(shaped, fc.constantFrom('__proto__', 'constructor', 'extra', 'path'), junk)
      .map(([base, key, value]) => Object.defineProperty({ ...(base as object) }, key, { value, enumerable: true })) },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }) },
  );
}

describe('every channel, called with garbage', () => {
  let state: string;
  beforeAll(async () => { state = await databaseState(); });

  it('covers every channel of the contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(60);
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it.each(CHANNELS.map((c) => [c]))('%s answers with a plain envelope, and a refusal changes nothing', async (channel) => {
    await fc.assert(fc.asyncProperty(inputFor(channel), async (input) => {
      let result: Awaited<ReturnType<typeof dispatch>>;
      try {
        result = await dispatch(ctx, channel, input);
      } catch (error) {
        throw new Error(`dispatch threw instead of answering: ${String(error)}`);
      }
      tally(channel, result.ok ? 'ok' : result.error.code);
      if (result.ok) {
        state = await databaseState(); // a valid call may change the database; it is the new baseline
        return;
      }
      expect(PLAIN_CODES, `${channel} answered ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
      expect(result.error.message.length).toBeGreaterThan(5);
      expect(result.error.message.length).toBeLessThan(2000);
      expect(result.error.message).not.toMatch(/TypeError|RangeError|SqliteError|SQLITE_|DatabaseError|invalid input syntax for|out of range for type|undefined is not|Cannot read prop/);
      expect(await databaseState(), `${channel} was refused but changed the database`).toBe(state);
    }), { numRuns: RUNS });
  });

  it('refuses unknown channels, and the process is still well afterwards', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'), junk), junk,
      async (channel, input) => {
        const result = await dispatch(ctx, channel, input);
        if (typeof channel === 'string' && (CHANNELS as string[]).includes(channel)) return;
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      }), { numRuns: 100 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (process.env.ROUNDTABLE_GARBAGE_REPORT) console.log([...answers].map(([c, m]) => `${c}: ${[...m].map(([k, n]) => `${k} ${n}`).join(', ')}`).join('\n'));
    expect(await databaseState()).toBe(state);
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BOUND);
  });
});

describe('bounded reports', () => {
  it.each([['reports:outcomes'], ['reports:csv']] as const)('%s refuses a period over 10 years with a plain message, and runs a 10-year one', async (channel) => {
    const tenYears = 'A report can cover at most 10 years: choose a shorter period';
    for (const [from, to] of [['1850-01-01', '2200-12-31'], ['1900-01-01', '2100-12-31'], ['2016-11-22', '2026-11-23']]) {
      expect(await dispatch(ctx, channel, { from, to })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: tenYears, details: [{ field: 'to', message: tenYears }] } });
    }
    expect(await dispatch(ctx, channel, { from: '0001-01-01', to: '9999-12-31' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Enter the start date as a real date' } });
    expect(await dispatch(ctx, channel, { from: '2016-11-23', to: '2026-11-23' })).toMatchObject({ ok: true });
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BOUND);
  });
});
