/**
 * The store: the contract's one implementation over either engine. Services call these functions, never
 * an engine: each write is one complete unit of work in one transaction (with its audit event), run by the
 * Connection of the engine that holds the data (main/store/db.ts for SQLite, main/store/postgres.ts for
 * PostgreSQL) with the same queries (main/store/*.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResidentDetail, ResidentFields } from '../../shared/domain/register';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { AppError } from '../../shared/errors';
import { auditChoices, countAudit, listAudit, searchAudit, writeAudit, type Actor } from './audit';
import { backupTo, checkBackup } from './backups';
import { loadOutcomeData } from './reports';
import { DatabaseBusyError, DatabaseOpenError, openDatabase, sqliteConnection, type OpenOptions } from './db';
import { isBeingRestored, listHolders, registerHolder, type HolderHandle } from './holders';
import { findHome, getHome, insertHome, listHomes, updateHome } from './homes';
import { getPractice, insertStaff, isEmpty, listStaff, savePractice, savePracticeDetails } from './practice';
import {
  findResidentByNhsNumber, getRepresentative, getResident, insertRepresentative, insertResident, listRepresentatives,
  pageResidents, retireRepresentative, searchResidents, updateRepresentative, updateResident,
} from './residents';
import { loadSnapshots } from './snapshots';
import { countRecords, insertFlag, insertResidentRecords } from './records';
import { createBatch, findBatchBySha, finishBatch, getBatch, listBatches, listProblems, problemRecorder } from './imports';
import { RecordsWriter } from './recordsImport';
import { isWaiting } from '../../shared/rules/flags';
import { getFlag, listFlags, matchableResidents, storeFlag, updateFlag } from './flags';
import { loadTimelineExtras } from './timeline';
import {
  insertRecordedReview, insertScheduleRun, listPlannedRounds, listRecordedReviews, listScheduleRuns, readReviewSettings, writeReviewSettings,
} from './reviews';
import { insertCarePlanEntry, listCarePlanEntries } from './carePlans';
import {
  getItem, getRound, insertItem, insertOutcome, insertReviewDone, insertRound, listOutcomes, listRounds, markItemRemoved, setActionStatus,
  moveFlagsOnRound, readSettings, updateItemDetails, updateRound, writeSettings, writeSlots,
} from './rounds';
import type { ArrangeItems } from '../../shared/rules/planning';
import { ruleLabel } from '../../shared/rules/ruleLabels';
import type { FlagImportResult, ImportSession, Store } from './contract';
import { isUniqueViolation, type Connection, type TransactionOptions } from './sql/connection';
import type { Engine, SqlDb } from './sql/types';
import { openPostgres, probePostgres, type PostgresConnection } from './postgres';
import { isPostgresUrl } from '../paths';
import { pgDumpTo } from './pgDump';
import { ALL_TABLES } from './tables';
import { copyInto, readTablePage } from './copy';
import type { SqliteConnection } from './db';

export type { Store, ImportSession, FlagImportRow, FlagImportResult } from './contract';
export type { Actor, AuditEvent, AuditEntry, AuditFilter } from './audit';
export type { RecordCounts } from './records';
export type { BatchCounts, BatchMeta } from './imports';
export type { RecordsWriter } from './recordsImport';
export type { OpenFlagRow, ResidentPageQuery } from './residents';
export { checkBackup, deleteBackupFile, listBackupFiles, replaceDatabaseFile, type BackupCheck, type BackupFile } from './backups';
export { auditQueueFile } from './db';
export type { SnapshotQuery } from './snapshots';
export type { FlagQuery, FlagToStore } from './flags';
export type { TimelineExtras, TimelineOutcome } from './timeline';
export type { NewRecordedReview, PlannedRoundRow, RecordedReviewRow, ScheduleRunRow } from './reviews';
export type { NewItem, NewRound } from './rounds';
export { DatabaseOpenError } from './db';
export { describeHolder, markRestoring, type Holder } from './holders';
export { describePostgres, isPostgresUrl } from './postgres';
export type { Engine } from './sql/types';

async function residentDetail(db: SqlDb, id: number): Promise<ResidentDetail> {
  return { ...(await getResident(db, id)), representatives: await listRepresentatives(db, id) };
}

/**
 * A versioned save found the row moved on: someone else saved first (another desktop, another window).
 * Nothing is overwritten; the person reloads and sees their change.
 */
async function changedElsewhere(db: SqlDb, table: 'flag' | 'agenda_item', id: number): Promise<AppError> {
  const exists = await db.value(`SELECT 1 FROM ${table} WHERE id = ?`, [id]);
  if (!exists) return new AppError('NOT_FOUND', `There is no ${table === 'flag' ? 'flag' : 'agenda item'} ${id}.`);
  return new AppError('CONFLICT', `This ${table === 'flag' ? 'flag' : 'agenda item'} was changed by someone else (another desktop or window) since you opened it. ` +
    'Nothing was overwritten: reload it to see their change, then make yours again.');
}

function label(r: ResidentFields): string {
  return `${r.givenName} ${r.familyName} (${formatNhsNumber(r.nhsNumber)})`;
}

/** Thrown inside an import's transaction to roll it back while still returning the import's result (a dry run, a --strict refusal). */
class KeepNothing<T> {
  constructor(readonly value: T) {}
}

export function createStore(conn: Connection, holder?: HolderHandle): Store {
  const sqliteFile = conn.engine === 'sqlite' ? (conn as SqliteConnection).file : null;
  const read = <T>(fn: (db: SqlDb) => Promise<T>): Promise<T> => fn(conn.read);
  /** Runs a write and its audit event in one transaction; a refusal becomes a rejected Promise. */
  const write = <T>(fn: (db: SqlDb) => Promise<T>, options?: TransactionOptions): Promise<T> => conn.transaction(fn, options);
  /** An audit event of a read: written when the database is free, else (SQLite) queued beside it for the next write. */
  const recordRead = async (actor: Actor, action: string, entity: string, entityId: number | null, summary: string): Promise<void> => {
    const at = new Date().toISOString();
    try {
      await write((db) => writeAudit(db, actor, action, entity, entityId, summary, at), { shortWait: true });
    } catch (error) {
      if (!(error instanceof DatabaseBusyError) || conn.engine !== 'sqlite') throw error;
      (conn as SqliteConnection).queueAudit({ at, actor, action, entity, entityId, summary });
    }
  };
  let importing = false;

  return {
    engine: conn.engine,
    location: conn.location,
    server: conn.server,
    file: sqliteFile,
    schemaVersion: () => conn.schemaVersion(),
    dataVersion: () => conn.dataVersion(),
    close: async () => {
      try {
        await conn.close();
      } finally {
        holder?.release();
      }
    },
    otherHolders: async () => (sqliteFile === null ? [] : listHolders(sqliteFile, holder?.id)),

    practice: {
      get: () => read(async (db) => await getPractice(db)),
      save: (actor, practice, isDemo) => write(async (db) => {
        await savePractice(db, practice, isDemo);
        await writeAudit(db, actor, 'update', 'practice', 1, `Practice details set to ${practice.name}`);
      }),
      saveDetails: (actor, details) => write(async (db) => {
        await savePracticeDetails(db, details);
        await writeAudit(db, actor, 'update', 'practice', 1, 'Practice contact details for letters changed');
      }),
      listStaff: () => read(async (db) => await listStaff(db)),
      addStaff: (actor, name, role) => write(async (db) => {
        const id = await insertStaff(db, name, role);
        await writeAudit(db, actor, 'create', 'staff', id, `Added staff member ${name} (${role})`);
        return id;
      }),
      isEmpty: () => read(async (db) => await isEmpty(db)),
    },

    homes: {
      list: () => read(async (db) => await listHomes(db)),
      get: (id) => read(async (db) => await getHome(db, id)),
      find: (nameOrId) => read(async (db) => await findHome(db, nameOrId)),
      create: (actor, home) => write(async (db) => {
        const id = await insertHome(db, home);
        await writeAudit(db, actor, 'create', 'care_home', id, `Added care home ${home.name}`);
        return await getHome(db, id);
      }),
      update: (actor, id, home) => write(async (db) => {
        await updateHome(db, id, home);
        await writeAudit(db, actor, 'update', 'care_home', id, `Updated care home ${home.name}`);
        return await getHome(db, id);
      }),
    },

    residents: {
      search: (query) => read(async (db) => await searchResidents(db, query)),
      page: (query) => read(async (db) => await pageResidents(db, query)),
      get: (id) => read(async (db) => await residentDetail(db, id)),
      findByNhsNumber: (nhsNumber) => read(async (db) => await findResidentByNhsNumber(db, nhsNumber)),
      create: (actor, resident, representatives = []) => write(async (db) => {
        const id = await insertResident(db, resident);
        await writeAudit(db, actor, 'create', 'resident', id, `Added resident ${label(resident)}`);
        for (const rep of representatives) {
          const repId = await insertRepresentative(db, id, rep);
          await writeAudit(db, actor, 'create', 'representative', repId, `Added ${rep.relationship} ${rep.name} for ${label(resident)}`);
        }
        return await residentDetail(db, id);
      }),
      update: (actor, id, resident) => write(async (db) => {
        await updateResident(db, id, resident);
        await writeAudit(db, actor, 'update', 'resident', id, `Updated resident ${label(resident)}`);
        return await residentDetail(db, id);
      }),
    },

    representatives: {
      add: (actor, residentId, rep) => write(async (db) => {
        const id = await insertRepresentative(db, residentId, rep);
        await writeAudit(db, actor, 'create', 'representative', id, `Added ${rep.relationship} ${rep.name} for resident ${residentId}`);
        return await getRepresentative(db, id);
      }),
      update: (actor, id, rep) => write(async (db) => {
        await updateRepresentative(db, id, rep);
        await writeAudit(db, actor, 'update', 'representative', id, `Updated ${rep.relationship} ${rep.name}`);
        return await getRepresentative(db, id);
      }),
      remove: (actor, id) => write(async (db) => {
        const rep = await getRepresentative(db, id);
        await retireRepresentative(db, id);
        await writeAudit(db, actor, 'retire', 'representative', id, `Removed ${rep.relationship} ${rep.name} from resident ${rep.residentId}`);
      }),
    },

    records: {
      add: (actor, residentId, records, source) => write(async (db) => {
        const count = await insertResidentRecords(db, residentId, records, source, null);
        await writeAudit(db, actor, 'create', 'resident_records', residentId, `Added ${count} clinical records (${source}) for resident ${residentId}`);
        return count;
      }),
      counts: () => read(async (db) => await countRecords(db)),
    },

    flags: {
      add: (actor, flag, source) => write(async (db) => {
        const id = await insertFlag(db, flag, source, null);
        if (id !== null) await writeAudit(db, actor, 'create', 'flag', id, `Flag raised (${flag.category}, ${flag.severity}) at home ${flag.homeId}`);
        return id;
      }),
      list: (query, today) => read(async (db) => await listFlags(db, query, (f) => isWaiting(f, today))),
      get: (id, today) => read(async (db) => await getFlag(db, id, (f) => isWaiting(f, today))),
      matchable: () => read(async (db) => await matchableResidents(db)),
      importFile: (actor, batch, rows, problems) => write(async (db) => {
        const batchId = await createBatch(db, batch);
        const problem = await problemRecorder(db, batchId);
        const stored: FlagImportResult['stored'] = [];
        for (const row of rows) {
          const id = await storeFlag(db, row.flag, 'import', batchId);
          if (id !== null) {
            await writeAudit(db, actor, 'import', 'flag', id, `Flag imported from ${batch.fileName} line ${row.line} (${row.flag.category}, ${row.flag.severity})`
              + (row.flag.residentId === null ? ': to the unmatched queue' : `: resident ${row.flag.residentId}`));
            if (row.flag.unmatched) await problem({ line: String(row.line), field: null, reason: row.flag.unmatched.explanation, kind: 'unmatched', nhsNumber: null });
          }
          stored.push({ line: row.line, id });
        }
        for (const p of problems) await problem({ line: String(p.line), field: p.field, reason: p.reason, kind: 'rejected', nhsNumber: null });
        const accepted = stored.filter((s) => s.id !== null);
        await finishBatch(db, batchId, 'flags', {
          read: rows.length + problems.length, accepted: accepted.length, unchanged: stored.length - accepted.length, rejected: problems.length,
          unmatched: rows.filter((r, i) => r.flag.residentId === null && stored[i]?.id !== null).length,
        }, {});
        await writeAudit(db, actor, 'import', 'import_batch', batchId, `Imported flags from ${batch.fileName}: ${accepted.length} new, ${problems.length} rejected`);
        return { batchId, stored };
      }),
      enter: (actor, flag) => write(async (db) => {
        const id = await storeFlag(db, flag, 'entered', null);
        if (id !== null) await writeAudit(db, actor, 'create', 'flag', id, `Flag entered by hand (${flag.category}, ${flag.severity}) for resident ${flag.residentId ?? 'not matched'}`);
        return id;
      }),
      update: (actor, id, version, change, audit) => write(async (db) => {
        if (!(await updateFlag(db, id, version, change))) throw await changedElsewhere(db, 'flag', id);
        await writeAudit(db, actor, audit.action, 'flag', id, audit.summary);
      }),
      addResidentAndMatch: (actor, id, version, resident) => write(async (db) => {
        const residentId = await insertResident(db, resident);
        await writeAudit(db, actor, 'create', 'resident', residentId, `Added resident ${label(resident)} from unmatched flag ${id}`);
        if (!(await updateFlag(db, id, version, { residentId, matchMethod: 'confirmed' }))) throw await changedElsewhere(db, 'flag', id);
        await writeAudit(db, actor, 'match', 'flag', id, `Flag matched by a person to new resident ${label(resident)}`);
        return residentId;
      }),
    },
    timeline: {
      extras: (residentId) => read(async (db) => await loadTimelineExtras(db, residentId)),
    },

    carePlans: {
      add: (actor, residentId, entry, source) => write(async (db) => {
        await getResident(db, residentId);
        const id = await insertCarePlanEntry(db, residentId, entry, source, null);
        await writeAudit(db, actor, 'create', 'advance_care_plan', id, `Recorded ${entry.element} (${source}) for resident ${residentId}`);
        return await listCarePlanEntries(db, residentId);
      }),
      list: (residentId) => read(async (db) => {
        await getResident(db, residentId);
        return await listCarePlanEntries(db, residentId);
      }),
    },

    snapshots: {
      load: (query) => read(async (db) => await loadSnapshots(db, query)),
    },

    audit: {
      list: (filter) => read(async (db) => await listAudit(db, filter)),
      search: (filter) => read(async (db) => await searchAudit(db, filter)),
      page: (filter) => read(async (db) => ({ total: await countAudit(db, filter), entries: await searchAudit(db, filter) })),
      choices: () => read(async (db) => await auditChoices(db)),
      record: recordRead,
    },

    reports: {
      outcomeData: (homeId) => read(async (db) => await loadOutcomeData(db, homeId)),
    },

    maintenance: {
      backup: async (actor, file, summary) => {
        if (conn.engine === 'sqlite') await backupTo((conn as SqliteConnection).db, file);
        else await pgDumpTo((conn as PostgresConnection).url, file);
        await write((db) => writeAudit(db, actor, 'backup', 'database', null, summary));
      },
      check: async () => {
        if (conn.engine === 'sqlite') return String((conn as SqliteConnection).db.pragma('quick_check', { simple: true }));
        // PostgreSQL checks its own pages; what the store can check is that every table answers
        for (const table of ALL_TABLES) await conn.read.value(`SELECT count(*) FROM ${table}`);
        return 'ok';
      },
      tableCounts: async () => {
        const counts: Record<string, number> = {};
        for (const table of ALL_TABLES) counts[table] = Number(await conn.read.value(`SELECT count(*) FROM ${table}`));
        return counts;
      },
      readTable: (table, after, limit) => readTablePage(conn.read, table, after, limit),
      eraseAll: () => write(async (db) => {
        if (db.engine === 'postgres') await db.exec(`TRUNCATE ${ALL_TABLES.join(', ')} RESTART IDENTITY`);
        else for (const table of [...ALL_TABLES].reverse()) await db.run(`DELETE FROM ${table}`);
      }, { exclusive: true }),
      copyFrom: (actor, source) => copyInto(conn, source, actor),
    },

    imports: {
      run: (actor, meta, options, work) => {
        if (importing) return Promise.reject(new AppError('CONFLICT', 'Another import is running. Wait for it to finish, then try again.'));
        importing = true;
        holder?.setActivity('an import', meta.fileName);
        const running = write(async (db) => {
          const batchId = await createBatch(db, meta);
          const record = await problemRecorder(db, batchId);
          const writer = await RecordsWriter.open(db, batchId, actor, options.today, options.source);
          const session: ImportSession = {
            batchId,
            writer,
            problem: record,
            mark: async () => {
              await db.exec('SAVEPOINT import_pass');
              return async () => {
                await db.exec('ROLLBACK TO SAVEPOINT import_pass');
                writer.reset();
              };
            },
            finish: async (kind, counts, summary) => {
              await finishBatch(db, batchId, kind, counts, summary);
              await writeAudit(db, actor, 'import', 'import_batch', batchId, `Imported ${kind} from ${meta.fileName}: ${counts.read} read, ` +
                `${counts.accepted} accepted, ${counts.unchanged} unchanged, ${counts.rejected} rejected, ${counts.unmatched} unmatched`);
            },
          };
          const { value, keep } = await work(session);
          if (!keep) throw new KeepNothing(value);
          return value;
        }, { exclusive: true });
        return running.catch((error: unknown) => {
          if (error instanceof KeepNothing) return error.value as never;
          throw error;
        }).finally(() => {
          importing = false;
          holder?.setActivity(null);
        });
      },
      findBySha: (sha256) => read(async (db) => await findBatchBySha(db, sha256)),
      list: (limit) => read(async (db) => await listBatches(db, limit)),
      get: (id) => read(async (db) => await getBatch(db, id)),
      problems: (batchId, limit) => read(async (db) => await listProblems(db, batchId, limit)),
    },
    reviews: {
      settings: () => read(async (db) => await readReviewSettings(db)),
      saveSettings: (actor, settings) => write(async (db) => {
        await writeReviewSettings(db, settings);
        await writeAudit(db, actor, 'update', 'setting', null, `Medication review settings changed: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }),
      record: (actor, review) => write(async (db) => {
        const id = await insertRecordedReview(db, review);
        await writeAudit(db, actor, 'create', 'medication_review', id, review.status === 'done'
          ? `${ruleLabel(review.rule)} recorded as done on ${review.doneOn ?? ''} for resident ${review.residentId}`
          : `${ruleLabel(review.rule)} deferred until ${review.deferredUntil ?? ''} for resident ${review.residentId}`);
        return id;
      }),
      recorded: (query) => read(async (db) => await listRecordedReviews(db, query)),
      plannedRounds: (from, to) => read(async (db) => await listPlannedRounds(db, from, to)),
      recordRun: (actor, run) => write(async (db) => {
        const id = await insertScheduleRun(db, run);
        await writeAudit(db, actor, 'compute', 'review_schedule_run', id, `Review schedule computed for ${run.today} (${run.items} items, rules ${run.rulesVersion})`);
        return id;
      }),
      runs: (limit) => read(async (db) => await listScheduleRuns(db, limit)),
    },
    rounds: {
      create: async (actor, round, items) => {
        try {
          return await write(async (db) => {
            const id = await insertRound(db, round);
            for (const item of items) await insertItem(db, id, item);
            await moveFlagsOnRound(db, items.flatMap(flagIdsOf), 'on-agenda', ['open']);
            await writeAudit(db, actor, 'create', 'round', id, `Planned a round on ${round.date} for home ${round.homeId} with ${items.length} residents`);
            return await getRound(db, id);
          }, { exclusive: true });
        } catch (error) {
          // One round per home per day is the schema's (a UNIQUE index): whoever planned it first, on any desktop, has it.
          if (!isUniqueViolation(error)) throw error;
          const existing = await conn.read.get<{ id: number; name: string }>(
            'SELECT r.id, h.name FROM round r JOIN care_home h ON h.id = r.home_id WHERE r.home_id = ? AND r.date = ? AND r.duplicate_of IS NULL',
            [round.homeId, round.date]);
          if (!existing) throw error;
          throw new AppError('CONFLICT', `${existing.name} already has a round on that day (round ${existing.id}), planned just now elsewhere. ` +
            'Open it and change its agenda instead.', [{ field: 'date', message: 'Choose another date, or open the round already planned for this day' }]);
        }
      },
      get: (id) => read(async (db) => await getRound(db, id)),
      getItem: (itemId) => read(async (db) => await getItem(db, itemId)),
      list: (homeId) => read(async (db) => await listRounds(db, homeId)),
      addItem: (actor, roundId, item, arrange) => write(async (db) => {
        const round = await getRound(db, roundId);
        const itemId = await insertItem(db, roundId, { ...item, position: round.items.length + 1, start: round.startTime });
        await moveFlagsOnRound(db, flagIdsOf(item), 'on-agenda', ['open']);
        await reslot(db, roundId, [...round.items.map((i) => i.id), itemId], arrange);
        await writeAudit(db, actor, 'update', 'round', roundId, `Added resident ${item.residentId} to the round`);
        return await getRound(db, roundId);
      }),
      removeItem: (actor, itemId, reason, arrange) => write(async (db) => {
        const item = await getItem(db, itemId);
        await markItemRemoved(db, itemId, reason);
        await moveFlagsOnRound(db, flagIdsOf(item), 'open', ['on-agenda']);
        const round = await getRound(db, item.roundId);
        await reslot(db, round.id, round.items.map((i) => i.id), arrange);
        await writeAudit(db, actor, 'update', 'round', item.roundId, `Removed resident ${item.residentId} from the round${reason ? `: ${reason}` : ''}`);
        return await getRound(db, item.roundId);
      }),
      reorder: (actor, roundId, itemIds, arrange) => write(async (db) => {
        await reslot(db, roundId, itemIds, arrange);
        await writeAudit(db, actor, 'update', 'round', roundId, 'Reordered the round');
        return await getRound(db, roundId);
      }),
      setMinutes: (actor, itemId, minutes, arrange) => write(async (db) => {
        const item = await getItem(db, itemId);
        const round = await getRound(db, item.roundId);
        await reslot(db, round.id, round.items.map((i) => i.id), arrange, new Map([[itemId, minutes]]));
        await writeAudit(db, actor, 'update', 'round', round.id, `Set resident ${item.residentId}'s time to ${minutes} minutes`);
        return await getRound(db, round.id);
      }),
      updateItem: (actor, itemId, version, details) => write(async (db) => {
        if (!(await updateItemDetails(db, itemId, version, details))) throw await changedElsewhere(db, 'agenda_item', itemId);
        const item = await getItem(db, itemId);
        await writeAudit(db, actor, 'update', 'agenda_item', itemId, `Updated attendees, questions or notes for resident ${item.residentId}`);
        return item;
      }),
      update: (actor, roundId, fields, arrange) => write(async (db) => {
        await updateRound(db, roundId, fields);
        const round = await getRound(db, roundId);
        if (fields.startTime) await reslot(db, roundId, round.items.map((i) => i.id), arrange);
        await writeAudit(db, actor, 'update', 'round', roundId, `Updated the round${fields.status ? `: status ${fields.status}` : ''}`);
        return await getRound(db, roundId);
      }),
      recordOutcome: (actor, outcome, on, by) => write(async (db) => {
        const item = await getItem(db, outcome.itemId);
        const base = { agendaItemId: item.id, residentId: item.residentId };
        if (outcome.decisions) await insertOutcome(db, { ...base, decision: outcome.decisions, action: null, owner: null, dueDate: null, status: 'done' });
        for (const a of outcome.actions) await insertOutcome(db, { ...base, decision: null, action: a.action, owner: a.owner, dueDate: a.dueDate, status: 'open' });
        await moveFlagsOnRound(db, outcome.flagsAddressed, 'addressed', ['open', 'on-agenda']);
        await setActionStatus(db, outcome.actionsDone, item.residentId, 'done');
        for (const rule of outcome.reviewsDone) {
          await insertReviewDone(db, { residentId: item.residentId, rule, roundId: item.roundId, doneOn: on, doneBy: by, outcome: outcome.reviewOutcome || null,
            reasons: item.reasons.filter((r) => r.rule === rule) });
        }
        if (outcome.carePlans.length > 0) {
          await insertResidentRecords(db, item.residentId, { carePlans: outcome.carePlans.map((p) => ({ element: p.element, value: p.value, recordedOn: on,
            reviewDue: p.reviewDue, participants: { clinician: by } })) }, `round ${item.roundId}`, null);
        }
        await writeAudit(db, actor, 'create', 'outcome', item.id, `Recorded the round outcome for resident ${item.residentId}: ${outcome.actions.length} actions, `
          + `${outcome.reviewsDone.length} reviews done, ${outcome.carePlans.length} care-plan entries`);
        return (await listOutcomes(db, item.roundId)).filter((o) => o.agendaItemId === item.id);
      }),
      outcomes: (roundId) => read(async (db) => await listOutcomes(db, roundId)),
      timeSettings: () => read(async (db) => await readSettings(db, 'round.')),
      saveTimeSettings: (actor, settings) => write(async (db) => {
        await writeSettings(db, 'round.', settings);
        await writeAudit(db, actor, 'update', 'setting', null, `Round time settings changed: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }),
    },
  };

  /** Puts a round's items in order and slots them as `arrange` (the caller's rule) says, within the edit's transaction. */
  async function reslot(db: SqlDb, roundId: number, itemIds: number[], arrange: ArrangeItems, minutesOverride = new Map<number, number>()): Promise<void> {
    await writeSlots(db, arrange(await getRound(db, roundId), itemIds, minutesOverride));
  }
}

function flagIdsOf(item: { reasons: { flagIds?: number[] }[] }): number[] {
  return item.reasons.flatMap((r) => r.flagIds ?? []);
}

export interface StoreOptions extends OpenOptions {
  /** Who is opening it, in words, for others to see ("the command line (homes)", "the desktop app"). */
  program?: string;
}

/** A scheme:// that is not PostgreSQL's: refused rather than taken for a file name. */
function isOtherUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target.trim()) && !isPostgresUrl(target);
}

/**
 * Opens the store: a SQLite file path (registering this process as holding the database,
 * main/store/holders.ts, so a restore elsewhere can see it) or a postgres:// / postgresql:// URL.
 * Anything else that looks like a URL is refused. close() releases it.
 */
export async function openStore(target: string, options: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) return createStore(await openPostgres(target.trim(), options));
  if (isOtherUrl(target)) {
    throw new DatabaseOpenError('unwritable', `${target.replace(/\/\/[^@/]*@/, '//…@')} is not a database Roundtable can use: give a file path (SQLite) or a ` +
      'postgres:// or postgresql:// URL (PostgreSQL).');
  }
  const file = target;
  const resolved = path.resolve(file);
  const holder = !options.mustExist || existsSync(resolved) ? registerHolder(resolved, options.program ?? 'Roundtable') : undefined;
  try {
    if (isBeingRestored(resolved)) {
      throw new AppError('DATABASE', `${resolved} is being restored from a backup right now; try again in a minute. Nothing was changed.`);
    }
    const db = await openDatabase(resolved, options);
    return createStore(sqliteConnection(db, file, holder), holder);
  } catch (error) {
    holder?.release();
    throw error;
  }
}

/**
 * What is at a database location, without opening it for use (Settings › Shared database › Test
 * connection): the engine, where, Roundtable's schema version there (null: empty) and the server's version.
 */
export async function probeDatabase(target: string): Promise<{ engine: Engine; location: string; schemaVersion: number | null; serverVersion: string | null }> {
  if (isPostgresUrl(target)) return { engine: 'postgres', ...(await probePostgres(target.trim())) };
  if (isOtherUrl(target)) throw new DatabaseOpenError('unwritable', `${target} is not a database Roundtable can use: give a file path or a postgres:// URL.`);
  const resolved = path.resolve(target);
  if (!existsSync(resolved)) return { engine: 'sqlite', location: resolved, schemaVersion: null, serverVersion: null };
  const check = checkBackup(resolved);
  if (!check.ok) throw new DatabaseOpenError('corrupt', `${resolved} cannot be used: ${check.problem ?? 'it failed its check'}.`);
  return { engine: 'sqlite', location: resolved, schemaVersion: check.schemaVersion, serverVersion: null };
}
