/** The round's printed documents: their data, static HTML files, and PDFs. */
import { outputFolder } from './outputFolder';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, dayOfWeek } from '../../shared/dates';
import { WEEKDAY_NAMES } from '../../shared/domain/enums';
import type { ParsedInput } from '../../shared/ipc';
import { buildPrintDocument, buildSessionDocument, type PrintDocument, type SessionDocument, type SessionKind } from '../../shared/print';
import type { SessionItem } from '../../shared/rules/planning';
import { normaliseName } from '../../shared/text';
import type { WeekPrint } from '../../shared/ipc/week';
import { htmlToPdf, renderPrintHtml, renderSessionHtml, renderWeekHtml, type PdfJob } from '../print/render';
import type { AppContext } from './context';
import { homeSessions, nextWeekFrom } from './rounds';
import { loadSettings, medicineFigures } from './reviews';

export async function printDocument(ctx: AppContext, roundId: number): Promise<PrintDocument> {
  const round = await ctx.store.rounds.get(roundId);
  const home = await ctx.store.homes.get(round.homeId);
  const practice = await ctx.store.practice.get();
  const residentIds = round.items.map((i) => i.residentId);
  const snapshots = residentIds.length > 0 ? await ctx.store.snapshots.load({ homeId: round.homeId, residentIds, includeInactive: true }) : [];
  const outcomes = await ctx.store.rounds.outcomes(roundId);
  const settings = await loadSettings(ctx);
  const today = ctx.today();
  return buildPrintDocument({ round, homeType: home.type, homeAddress: home.address, homePhone: home.phone, practiceName: practice.name || 'The practice',
    practice: { name: practice.name || 'The practice', address: practice.address, phone: practice.phone, email: practice.email, sender: practice.sender },
    snapshots, outcomes, today, medicineFigures: (snapshot) => medicineFigures(snapshot, today, settings) });
}

export interface WrittenFiles {
  agenda: { html: string; pdf: string | null };
  letters: { to: string; html: string; pdf: string | null }[];
  summary: { html: string; pdf: string | null } | null;
  /** Why no PDF was made, when one was wanted and could not be. */
  pdfProblem: string | null;
}

/** A file-name-safe form of a name ("Willow Court" → "willow-court"). */
export function slug(text: string): string {
  return normaliseName(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'letter';
}

/** Prints the jobs to PDF (Electron's printer in the app, else Chromium); what went wrong, or null. The HTML is always written. */
async function printPdfs(ctx: AppContext, jobs: PdfJob[], env: NodeJS.ProcessEnv | undefined): Promise<string | null> {
  if (jobs.length === 0) return null;
  try {
    await htmlToPdf(jobs, env, ctx.state.pdfPrinter);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Writes the agenda to `out` (.html, or .pdf with an .html beside it), one letter per invited
 * representative to `lettersDir`, and (for a held or closed round) the care-home summary beside the agenda.
 */
export async function writeRoundFiles(ctx: AppContext, roundId: number, out: string, options: { lettersDir?: string | undefined; pdf?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<WrittenFiles> {
  const doc = await printDocument(ctx, roundId);
  const wantPdf = options.pdf ?? /\.pdf$/i.test(out);
  const base = out.replace(/\.(pdf|html?)$/i, '');
  mkdirSync(path.dirname(path.resolve(base)), { recursive: true });
  const jobs: PdfJob[] = [];
  const write = (file: string, kind: 'agenda' | 'letters' | 'summary', letters?: PrintDocument['letters']) => {
    writeFileSync(`${file}.html`, renderPrintHtml(doc, kind, letters ? { letters } : {}));
    if (wantPdf) {
      jobs.push({ html: renderPrintHtml(doc, kind, { marginBoxes: false, ...(letters ? { letters } : {}) }), file: `${file}.pdf`, homeName: doc.homeName, date: doc.date,
        ...(kind === 'letters' ? { plain: true } : {}) });
    }
    return { html: `${file}.html`, pdf: wantPdf ? `${file}.pdf` : null };
  };
  const agenda = write(base, 'agenda');
  const letters: WrittenFiles['letters'] = [];
  if (options.lettersDir) {
    mkdirSync(options.lettersDir, { recursive: true });
    for (const letter of doc.letters) {
      const file = path.join(options.lettersDir, `letter-${doc.date}-${slug(letter.residentFirstName)}-${slug(letter.to)}-${letter.representativeId}`);
      letters.push({ to: letter.to, ...write(file, 'letters', [letter]) });
    }
  }
  const summary = doc.status === 'held' || doc.status === 'closed' ? write(`${base}-summary`, 'summary') : null;
  const pdfProblem = await printPdfs(ctx, jobs, options.env);
  if (pdfProblem) for (const f of [agenda, ...letters, ...(summary ? [summary] : [])]) f.pdf = null;
  return { agenda, letters, summary, pdfProblem };
}

/**
 * The app's "Save as PDF": where the main process's save dialog says (null when cancelled) or, with no dialog,
 * next to the database in a prints folder; says where. The renderer never names the file.
 */
export async function savePdf(ctx: AppContext, input: ParsedInput<'rounds:save-pdf'>): Promise<{ path: string | null }> {
  const doc = await printDocument(ctx, input.roundId);
  const name = `${input.document}-${doc.date}-${slug(doc.homeName)}-round-${doc.roundId}.pdf`;
  let file: string | null;
  if (ctx.chooseSaveFile) file = await ctx.chooseSaveFile(name);
  else file = path.join(printsFolder(ctx), name);
  if (file === null) return { path: null };
  await htmlToPdf([{ html: renderPrintHtml(doc, input.document, { marginBoxes: false }), file, homeName: doc.homeName, date: doc.date, ...(input.document === 'letters' ? { plain: true } : {}) }],
    process.env, ctx.state.pdfPrinter);
  return { path: file };
}

/**
 * A list beside the round as a document to print: from a round (its lists as planned and shown on the round
 * screen), or worked out for a home and date (`plan --session`, not saved).
 */
export async function sessionDocument(ctx: AppContext, input: { session: SessionKind } & ({ roundId: number } | { homeId: number; date?: string | undefined })): Promise<SessionDocument> {
  let homeId: number; let date: string; let items: readonly SessionItem[]; let pharmacistMinutes: number;
  if ('roundId' in input) {
    const round = await ctx.store.rounds.get(input.roundId);
    homeId = round.homeId; date = round.date;
    pharmacistMinutes = round.plan.pharmacist?.minutes ?? 0;
    items = input.session === 'tasks' ? round.plan.tasks ?? [] : input.session === 'pharmacist' ? round.plan.pharmacist?.items ?? [] : round.plan.carePlanning ?? [];
  } else {
    const sessions = await homeSessions(ctx, { homeId: input.homeId, ...(input.date ? { date: input.date } : {}) });
    homeId = sessions.homeId; date = sessions.date;
    pharmacistMinutes = sessions.pharmacist.minutes;
    items = input.session === 'tasks' ? sessions.tasks : input.session === 'pharmacist' ? sessions.pharmacist.items : sessions.carePlanning;
  }
  const home = await ctx.store.homes.get(homeId);
  const practice = await ctx.store.practice.get();
  const residentIds = items.map((i) => i.residentId);
  const snapshots = residentIds.length > 0 ? await ctx.store.snapshots.load({ homeId, residentIds }) : [];
  return buildSessionDocument({ session: input.session, homeName: home.name, date, today: ctx.today(), items, pharmacistMinutes, snapshots,
    practice: { name: practice.name || 'The practice', address: practice.address, phone: practice.phone, email: practice.email, sender: practice.sender } });
}

/** Writes a list beside the round to `out` (.html, or .pdf with the .html beside it). */
export async function writeSessionFiles(ctx: AppContext, doc: SessionDocument, out: string, env?: NodeJS.ProcessEnv): Promise<{ html: string; pdf: string | null; pdfProblem: string | null }> {
  const base = out.replace(/\.(pdf|html?)$/i, '');
  mkdirSync(path.dirname(path.resolve(base)), { recursive: true });
  writeFileSync(`${base}.html`, renderSessionHtml(doc));
  if (!/\.pdf$/i.test(out)) return { html: `${base}.html`, pdf: null, pdfProblem: null };
  const pdfProblem = await printPdfs(ctx, [{ html: renderSessionHtml(doc, { marginBoxes: false }), file: `${base}.pdf`, homeName: doc.homeName, date: doc.date }], env);
  return { html: `${base}.html`, pdf: pdfProblem ? null : `${base}.pdf`, pdfProblem };
}

/** The round screen's "Print" beside a list: a PDF where the main process's save dialog says (null: cancelled); the renderer never names the file. */
export async function saveSessionPdf(ctx: AppContext, input: ParsedInput<'rounds:save-session-pdf'>): Promise<{ path: string | null }> {
  const doc = await sessionDocument(ctx, input);
  const name = `${input.session}-${doc.date}-${slug(doc.homeName)}-round-${input.roundId}.pdf`;
  const file = ctx.chooseSaveFile ? await ctx.chooseSaveFile(name) : path.join(printsFolder(ctx), name);
  if (file === null) return { path: null };
  await htmlToPdf([{ html: renderSessionHtml(doc, { marginBoxes: false }), file, homeName: doc.homeName, date: doc.date }], process.env, ctx.state.pdfPrinter);
  return { path: file };
}

/** The folder beside the database where the app puts what it prints and writes. */
export function printsFolder(ctx: AppContext): string {
  const dir = path.join(outputFolder(ctx.store), 'prints');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * "Print the week": every agenda and letter of the rounds planned for the 7 days from `from` (tomorrow, as "Plan next week", when
 * not given), one PDF per home (HTML beside it always; the PDF where Chromium or Electron can print).
 */
export async function printWeek(ctx: AppContext, input: { from?: string | undefined; outDir?: string; env?: NodeJS.ProcessEnv }): Promise<WeekPrint & { pdfProblem: string | null }> {
  const from = input.from ?? nextWeekFrom(ctx);
  const to = addDays(from, 6);
  const rounds = (await ctx.store.rounds.list(null))
    .filter((r) => r.date >= from && r.date <= to && (r.status === 'planning' || r.status === 'agenda-issued'))
    .sort((a, b) => a.homeName.localeCompare(b.homeName, 'en-GB') || a.date.localeCompare(b.date));
  const dir = input.outDir ?? printsFolder(ctx);
  mkdirSync(dir, { recursive: true });
  const homes: WeekPrint['homes'] = [];
  const jobs: PdfJob[] = [];
  for (const homeId of [...new Set(rounds.map((r) => r.homeId))]) {
    const docs = await Promise.all(rounds.filter((r) => r.homeId === homeId).map((r) => printDocument(ctx, r.id)));
    const first = docs[0];
    if (!first) continue;
    const base = path.join(dir, `week-${from}-${slug(first.homeName)}`);
    writeFileSync(`${base}.html`, renderWeekHtml(docs));
    jobs.push({ html: renderWeekHtml(docs, { marginBoxes: false }), file: `${base}.pdf`, homeName: first.homeName, date: first.date });
    homes.push({ homeId, homeName: first.homeName, rounds: docs.length, residents: docs.reduce((n, d) => n + d.sections.length, 0),
      letters: docs.reduce((n, d) => n + d.letters.length, 0), path: `${base}.pdf` });
  }
  const pdfProblem = await printPdfs(ctx, jobs, input.env);
  if (pdfProblem) for (const h of homes) h.path = h.path.replace(/\.pdf$/, '.html');
  return { from, to, homes, pdfProblem };
}

/** The date of a home's next round: its usual round day in the 7 days after today, else a week today. */
export function nextRoundDate(roundDay: string | null, today: string): string {
  const wanted = WEEKDAY_NAMES.indexOf(roundDay as (typeof WEEKDAY_NAMES)[number]);
  for (let i = 1; i <= 7; i++) {
    const date = addDays(today, i);
    if (wanted < 0 ? i === 7 : dayOfWeek(date) === wanted) return date;
  }
  return addDays(today, 7);
}

export interface DemoRoundFiles {
  home: string;
  roundId: number;
  date: string;
  residents: number;
  files: WrittenFiles;
}

/**
 * For the demo: plans next week's round for every home, invites the representatives the planner proposes,
 * and writes each staff agenda (PDF where Chromium is found, HTML always) and the letters under outDir/rounds.
 */
export async function planDemoRounds(ctx: AppContext, outDir: string, env?: NodeJS.ProcessEnv): Promise<DemoRoundFiles[]> {
  const results: DemoRoundFiles[] = [];
  const staff = await ctx.store.practice.listStaff();
  const clinician = staff.find((s) => s.role === 'gp') ?? staff.find((s) => s.role !== 'admin');
  for (const home of await ctx.store.homes.list()) {
    const date = nextRoundDate(home.roundDay, ctx.today());
    // through the app's validated front door, as a person planning in the app would
    const { round } = await ctx.call('rounds:create', { homeId: home.id, date, clinicians: clinician ? [clinician.name] : [] });
    await ctx.call('rounds:invite', { roundId: round.id, allProposed: true });
    const dir = path.join(outDir, 'rounds', slug(home.name));
    const files = await writeRoundFiles(ctx, round.id, path.join(dir, `agenda-${date}.pdf`), { lettersDir: path.join(dir, 'letters'), ...(env ? { env } : {}) });
    results.push({ home: home.name, roundId: round.id, date, residents: round.items.length, files });
  }
  return results;
}
