/**
 * The store seam. Services call these functions, never better-sqlite3: each is one complete unit of
 * work in one transaction (with its audit event) and returns a Promise, so a server-backed store could
 * stand behind the same interface later.
 */
import type { CareHome, CareHomeFields, Practice, Representative, RepresentativeFields, Resident, ResidentDetail, ResidentFields, StaffMember } from '../../shared/domain/register';
import type { StaffRole } from '../../shared/domain/enums';
import type { NewFlag, ResidentRecords } from '../../shared/domain/clinical';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { AppError } from '../../shared/errors';
import { listAudit, writeAudit, type Actor, type AuditEvent } from './audit';
import { closeDatabase, openDatabase, schemaVersion, type Db, type OpenOptions } from './db';
import { findHome, getHome, insertHome, listHomes, updateHome } from './homes';
import { getPractice, insertStaff, isEmpty, listStaff, savePractice } from './practice';
import {
  findResidentByNhsNumber, getRepresentative, getResident, insertRepresentative, insertResident, listRepresentatives,
  retireRepresentative, searchResidents, updateRepresentative, updateResident, type ResidentQuery,
} from './residents';
import { loadSnapshots, type SnapshotQuery } from './snapshots';
import { countRecords, insertFlag, insertResidentRecords, type RecordCounts } from './records';
import {
  getItem, getRound, insertItem, insertOutcome, insertReviewDone, insertRound, listOutcomes, listRounds, markItemRemoved, setActionStatus,
  setFlagStatus, updateItemDetails, updateRound, writeSlots, type NewItem, type NewRound,
} from './rounds';
import type { AgendaItem, Attendees, ItemOutcome, OutcomeAction, Question, Round, RoundStatus, RoundSummary } from '../../shared/domain/round';
import { timeSlots } from '../../shared/rules/planning';

export type { Actor, AuditEvent } from './audit';
export type { RecordCounts } from './records';
export type { SnapshotQuery } from './snapshots';
export type { NewItem, NewRound } from './rounds';
export { DatabaseOpenError } from './db';

export interface Store {
  readonly file: string;
  schemaVersion(): number;
  close(): void;

  practice: {
    get(): Promise<Practice & { isDemo: boolean }>;
    save(actor: Actor, practice: Practice, isDemo: boolean): Promise<void>;
    listStaff(): Promise<StaffMember[]>;
    addStaff(actor: Actor, name: string, role: StaffRole): Promise<number>;
    isEmpty(): Promise<boolean>;
  };
  homes: {
    list(): Promise<CareHome[]>;
    get(id: number): Promise<CareHome>;
    find(nameOrId: string): Promise<CareHome | null>;
    create(actor: Actor, home: CareHomeFields): Promise<CareHome>;
    update(actor: Actor, id: number, home: CareHomeFields): Promise<CareHome>;
  };
  residents: {
    search(query: ResidentQuery): Promise<Resident[]>;
    get(id: number): Promise<ResidentDetail>;
    findByNhsNumber(nhsNumber: string): Promise<Resident | null>;
    create(actor: Actor, resident: ResidentFields, representatives?: RepresentativeFields[]): Promise<ResidentDetail>;
    update(actor: Actor, id: number, resident: ResidentFields): Promise<ResidentDetail>;
  };
  representatives: {
    add(actor: Actor, residentId: number, representative: RepresentativeFields): Promise<Representative>;
    update(actor: Actor, id: number, representative: RepresentativeFields): Promise<Representative>;
    remove(actor: Actor, id: number): Promise<void>;
  };
  records: {
    /** Adds medicines, conditions, events, care-plan entries and reviews for one resident. */
    add(actor: Actor, residentId: number, records: ResidentRecords, source: string): Promise<number>;
    counts(): Promise<RecordCounts>;
  };
  flags: {
    /** Returns the new flag's id, or null when the same flag is already stored. */
    add(actor: Actor, flag: NewFlag, source: string): Promise<number | null>;
  };
  snapshots: {
    /** Residents' whole records for the rules (active residents unless includeInactive). */
    load(query?: SnapshotQuery): Promise<ResidentSnapshot[]>;
  };
  audit: {
    list(filter?: { entity?: string; entityId?: number; limit?: number }): Promise<AuditEvent[]>;
  };
  rounds: {
    /** Saves a round and its proposed items; the items' flags go on the agenda. */
    create(actor: Actor, round: NewRound, items: NewItem[]): Promise<Round>;
    get(id: number): Promise<Round>;
    getItem(itemId: number): Promise<AgendaItem>;
    list(homeId: number | null): Promise<RoundSummary[]>;
    /** Adds (or restores) a resident's item at the end; its flags go on the agenda. */
    addItem(actor: Actor, roundId: number, item: Omit<NewItem, 'position' | 'start'>): Promise<Round>;
    /** Removes an item (with the reason, when one was asked for); its flags go back to open. */
    removeItem(actor: Actor, itemId: number, reason: string | null): Promise<Round>;
    /** Puts the round's current items in this order; slots follow from the start time. */
    reorder(actor: Actor, roundId: number, itemIds: number[]): Promise<Round>;
    setMinutes(actor: Actor, itemId: number, minutes: number): Promise<Round>;
    updateItem(actor: Actor, itemId: number, details: { attendees?: Attendees; questions?: Question[]; notes?: string | null }): Promise<AgendaItem>;
    update(actor: Actor, roundId: number, fields: { status?: RoundStatus; startTime?: string; clinicians?: string[] }): Promise<Round>;
    /** Records one item's outcome: decisions, actions, flags addressed, reviews done, care-plan entries. */
    recordOutcome(actor: Actor, outcome: ItemOutcome, on: string, by: string | null): Promise<OutcomeAction[]>;
    outcomes(roundId: number): Promise<OutcomeAction[]>;
  };
}

function residentDetail(db: Db, id: number): ResidentDetail {
  return { ...getResident(db, id), representatives: listRepresentatives(db, id) };
}

function label(r: ResidentFields): string {
  return `${r.givenName} ${r.familyName} (${formatNhsNumber(r.nhsNumber)})`;
}

export function createStore(db: Db, file: string): Store {
  /** Runs a write and its audit event in one transaction; a refusal becomes a rejected Promise. */
  const write = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(db.transaction(fn)()));
  const read = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(fn()));

  return {
    file,
    schemaVersion: () => schemaVersion(db),
    close: () => closeDatabase(db),

    practice: {
      get: () => read(() => getPractice(db)),
      save: (actor, practice, isDemo) => write(() => {
        savePractice(db, practice, isDemo);
        writeAudit(db, actor, 'update', 'practice', 1, `Practice details set to ${practice.name}`);
      }),
      listStaff: () => read(() => listStaff(db)),
      addStaff: (actor, name, role) => write(() => {
        const id = insertStaff(db, name, role);
        writeAudit(db, actor, 'create', 'staff', id, `Added staff member ${name} (${role})`);
        return id;
      }),
      isEmpty: () => read(() => isEmpty(db)),
    },

    homes: {
      list: () => read(() => listHomes(db)),
      get: (id) => read(() => getHome(db, id)),
      find: (nameOrId) => read(() => findHome(db, nameOrId)),
      create: (actor, home) => write(() => {
        const id = insertHome(db, home);
        writeAudit(db, actor, 'create', 'care_home', id, `Added care home ${home.name}`);
        return getHome(db, id);
      }),
      update: (actor, id, home) => write(() => {
        updateHome(db, id, home);
        writeAudit(db, actor, 'update', 'care_home', id, `Updated care home ${home.name}`);
        return getHome(db, id);
      }),
    },

    residents: {
      search: (query) => read(() => searchResidents(db, query)),
      get: (id) => read(() => residentDetail(db, id)),
      findByNhsNumber: (nhsNumber) => read(() => findResidentByNhsNumber(db, nhsNumber)),
      create: (actor, resident, representatives = []) => write(() => {
        const id = insertResident(db, resident);
        writeAudit(db, actor, 'create', 'resident', id, `Added resident ${label(resident)}`);
        for (const rep of representatives) {
          const repId = insertRepresentative(db, id, rep);
          writeAudit(db, actor, 'create', 'representative', repId, `Added ${rep.relationship} ${rep.name} for ${label(resident)}`);
        }
        return residentDetail(db, id);
      }),
      update: (actor, id, resident) => write(() => {
        updateResident(db, id, resident);
        writeAudit(db, actor, 'update', 'resident', id, `Updated resident ${label(resident)}`);
        return residentDetail(db, id);
      }),
    },

    representatives: {
      add: (actor, residentId, rep) => write(() => {
        const id = insertRepresentative(db, residentId, rep);
        writeAudit(db, actor, 'create', 'representative', id, `Added ${rep.relationship} ${rep.name} for resident ${residentId}`);
        return getRepresentative(db, id);
      }),
      update: (actor, id, rep) => write(() => {
        updateRepresentative(db, id, rep);
        writeAudit(db, actor, 'update', 'representative', id, `Updated ${rep.relationship} ${rep.name}`);
        return getRepresentative(db, id);
      }),
      remove: (actor, id) => write(() => {
        const rep = getRepresentative(db, id);
        retireRepresentative(db, id);
        writeAudit(db, actor, 'retire', 'representative', id, `Removed ${rep.relationship} ${rep.name} from resident ${rep.residentId}`);
      }),
    },

    records: {
      add: (actor, residentId, records, source) => write(() => {
        const count = insertResidentRecords(db, residentId, records, source, null);
        writeAudit(db, actor, 'create', 'resident_records', residentId, `Added ${count} clinical records (${source}) for resident ${residentId}`);
        return count;
      }),
      counts: () => read(() => countRecords(db)),
    },

    flags: {
      add: (actor, flag, source) => write(() => {
        const id = insertFlag(db, flag, source, null);
        if (id !== null) writeAudit(db, actor, 'create', 'flag', id, `Flag raised (${flag.category}, ${flag.severity}) at home ${flag.homeId}`);
        return id;
      }),
    },

    snapshots: {
      load: (query) => read(() => loadSnapshots(db, query)),
    },

    audit: {
      list: (filter) => read(() => listAudit(db, filter)),
    },

    rounds: {
      create: (actor, round, items) => write(() => {
        const id = insertRound(db, round);
        for (const item of items) insertItem(db, id, item);
        setFlagStatus(db, items.flatMap(flagIdsOf), 'on-agenda', ['open']);
        writeAudit(db, actor, 'create', 'round', id, `Planned a round on ${round.date} for home ${round.homeId} with ${items.length} residents`);
        return getRound(db, id);
      }),
      get: (id) => read(() => getRound(db, id)),
      getItem: (itemId) => read(() => getItem(db, itemId)),
      list: (homeId) => read(() => listRounds(db, homeId)),
      addItem: (actor, roundId, item) => write(() => {
        const round = getRound(db, roundId);
        const itemId = insertItem(db, roundId, { ...item, position: round.items.length + 1, start: round.startTime });
        setFlagStatus(db, flagIdsOf(item), 'on-agenda', ['open']);
        reslot(roundId, [...round.items.map((i) => i.id), itemId]);
        writeAudit(db, actor, 'update', 'round', roundId, `Added resident ${item.residentId} to the round`);
        return getRound(db, roundId);
      }),
      removeItem: (actor, itemId, reason) => write(() => {
        const item = getItem(db, itemId);
        markItemRemoved(db, itemId, reason);
        setFlagStatus(db, flagIdsOf(item), 'open', ['on-agenda']);
        const round = getRound(db, item.roundId);
        reslot(round.id, round.items.map((i) => i.id));
        writeAudit(db, actor, 'update', 'round', item.roundId, `Removed resident ${item.residentId} from the round${reason ? `: ${reason}` : ''}`);
        return getRound(db, item.roundId);
      }),
      reorder: (actor, roundId, itemIds) => write(() => {
        reslot(roundId, itemIds);
        writeAudit(db, actor, 'update', 'round', roundId, 'Reordered the round');
        return getRound(db, roundId);
      }),
      setMinutes: (actor, itemId, minutes) => write(() => {
        const item = getItem(db, itemId);
        const round = getRound(db, item.roundId);
        reslot(round.id, round.items.map((i) => i.id), new Map([[itemId, minutes]]));
        writeAudit(db, actor, 'update', 'round', round.id, `Set resident ${item.residentId}'s time to ${minutes} minutes`);
        return getRound(db, round.id);
      }),
      updateItem: (actor, itemId, details) => write(() => {
        updateItemDetails(db, itemId, details);
        const item = getItem(db, itemId);
        writeAudit(db, actor, 'update', 'agenda_item', itemId, `Updated attendees, questions or notes for resident ${item.residentId}`);
        return item;
      }),
      update: (actor, roundId, fields) => write(() => {
        updateRound(db, roundId, fields);
        const round = getRound(db, roundId);
        if (fields.startTime) reslot(roundId, round.items.map((i) => i.id));
        writeAudit(db, actor, 'update', 'round', roundId, `Updated the round${fields.status ? `: status ${fields.status}` : ''}`);
        return getRound(db, roundId);
      }),
      recordOutcome: (actor, outcome, on, by) => write(() => {
        const item = getItem(db, outcome.itemId);
        const base = { agendaItemId: item.id, residentId: item.residentId };
        if (outcome.decisions) insertOutcome(db, { ...base, decision: outcome.decisions, action: null, owner: null, dueDate: null, status: 'done' });
        for (const a of outcome.actions) insertOutcome(db, { ...base, decision: null, action: a.action, owner: a.owner, dueDate: a.dueDate, status: 'open' });
        setFlagStatus(db, outcome.flagsAddressed, 'addressed', ['open', 'on-agenda']);
        setActionStatus(db, outcome.actionsDone, item.residentId, 'done');
        for (const rule of outcome.reviewsDone) {
          insertReviewDone(db, { residentId: item.residentId, rule, roundId: item.roundId, doneOn: on, doneBy: by, outcome: outcome.reviewOutcome || null,
            reasons: item.reasons.filter((r) => r.rule === rule) });
        }
        if (outcome.carePlans.length > 0) {
          insertResidentRecords(db, item.residentId, { carePlans: outcome.carePlans.map((p) => ({ element: p.element, value: p.value, recordedOn: on,
            reviewDue: p.reviewDue, participants: { clinician: by } })) }, `round ${item.roundId}`, null);
        }
        writeAudit(db, actor, 'create', 'outcome', item.id, `Recorded the round outcome for resident ${item.residentId}: ${outcome.actions.length} actions, `
          + `${outcome.reviewsDone.length} reviews done, ${outcome.carePlans.length} care-plan entries`);
        return listOutcomes(db, item.roundId).filter((o) => o.agendaItemId === item.id);
      }),
      outcomes: (roundId) => read(() => listOutcomes(db, roundId)),
    },
  };

  /** Positions and time slots of a round's items, in the given order, from the round's start time. */
  function reslot(roundId: number, itemIds: number[], minutesOverride = new Map<number, number>()): void {
    const round = getRound(db, roundId);
    const current = new Map(round.items.map((i) => [i.id, i]));
    const ids = [...new Set(itemIds)].filter((id) => current.has(id));
    if (ids.length !== current.size) throw new AppError('INVALID_INPUT', 'The new order must list every resident on the round once.');
    const minutes = ids.map((id) => minutesOverride.get(id) ?? current.get(id)?.minutes ?? 0);
    const starts = timeSlots(round.startTime, minutes);
    writeSlots(db, ids.map((id, i) => ({ id, position: i + 1, start: starts[i] ?? round.startTime, minutes: minutes[i] ?? 0 })));
  }
}

function flagIdsOf(item: { reasons: { flagIds?: number[] }[] }): number[] {
  return item.reasons.flatMap((r) => r.flagIds ?? []);
}

export async function openStore(file: string, options?: OpenOptions): Promise<Store> {
  const db = await openDatabase(file, options);
  return createStore(db, file);
}
