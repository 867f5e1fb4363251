/**
 * End-to-end harness: the built renderer (renderer/dist) in Debian Chromium, with window.roundtable
 * bridged to the REAL handlers (dispatch in main/handlers/index.ts) on a fresh SQLite file in a temp folder.
 * Chromium blocks module scripts from file://, so the bundle is served from 127.0.0.1 on a free port.
 * Readiness comes from the app (main[data-ready]), never from sleeping.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dispatch } from '../../main/handlers';
import { createContext, type AppContext } from '../../main/services/context';
import { openStore, type Store } from '../../main/store';
import type { Result } from '../../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { createDemoDatabase } from '../../main/services/demo';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.join(ROOT, 'renderer', 'dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'e2e');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A static server for renderer/dist only: anything outside it is refused. */
async function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(DIST, `.${urlPath === '/' ? '/index.html' : urlPath}`);
    if (!file.startsWith(DIST + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The e2e static server has no port.');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/**
 * A quick structural accessibility check run in the page (no axe-core offline): every form control
 * labelled, hints and errors it points at exist, ids unique, one h1, no skipped heading levels,
 * the landmarks present, a non-empty title. Returns what is wrong, empty when nothing is.
 */
const AUDIT_SCRIPT = `(() => {
  const problems = [];
  const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')];
  for (const el of controls) {
    if (el.labels.length === 0 && !el.getAttribute('aria-label')) problems.push('unlabelled control #' + el.id);
    for (const id of (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)) {
      if (!document.getElementById(id)) problems.push('#' + el.id + ' is described by missing #' + id);
    }
  }
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push('duplicate id ' + id);
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
  if (headings.filter((n) => n === 1).length !== 1) problems.push('expected one h1, found ' + headings.filter((n) => n === 1).length);
  headings.forEach((n, i) => { if (i > 0 && n > headings[i - 1] + 1) problems.push('heading level skips from h' + headings[i - 1] + ' to h' + n); });
  for (const selector of ['header[role=banner]', 'nav', 'main#maincontent', 'footer']) {
    if (!document.querySelector(selector)) problems.push('missing landmark ' + selector);
  }
  for (const img of document.querySelectorAll('img:not([alt])')) problems.push('image without alt ' + img.src);
  if (!document.title.trim()) problems.push('empty title');
  return problems;
})()`;

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.2 A and AA rules, run in the page. Evaluated over the DevTools protocol, so the app's
 * Content-Security-Policy (no inline scripts) stays on. Returns one line per violation and element.
 */
const AXE_SCRIPT = `${AXE_SOURCE}
;window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
  .then((result) => result.violations.flatMap((v) => v.nodes.map((n) => 'axe ' + v.id + ' (' + v.impact + '): ' + v.help + ' at ' + n.target.join(' '))))`;

export interface HarnessOptions {
  /** The app's "today" (Europe/London calendar day). */
  today?: string;
  practice?: { name: string; odsCode: string | null; isDemo?: boolean };
  /** Open this database (e.g. a demo built for the test) instead of a fresh one in the harness's folder. */
  file?: string;
  /** A closed database file to start from (copied into the test's own folder), e.g. a generated PCN. */
  databaseFrom?: string;
  /** The window size; 1280×900 unless given. */
  viewport?: { width: number; height: number };
  /** Start from a fresh demo database (the synthetic practice, no rounds planned yet). */
  demo?: boolean;
}

export interface Harness {
  page: Page;
  browser: Browser;
  store: Store;
  ctx: AppContext;
  origin: string;
  /** Console errors and warnings, page errors, failed and off-origin requests: each one a problem. */
  problems: string[];
  /** Opens a route (e.g. "/homes") and waits until the app says it is ready. */
  open(route: string): Promise<void>;
  /**
   * Stands in for the main process's file dialogs (files belong to the main process: the page only ever gets
   * tokens). `open` is what the next "Choose a file" dialog picks, `save` where the next save goes; null is a
   * cancelled dialog, undefined no dialog at all (as before the first call).
   */
  fileDialog(answers: { open?: string | null; save?: string | null }): void;
  /** Calls a real handler directly, as the renderer would. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Accessibility problems on the current screen: the structural checks of AUDIT_SCRIPT and axe-core's WCAG 2.2 AA rules. */
  audit(): Promise<string[]>;
  /** Saves a full-page PNG to test-output/e2e and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('renderer/dist/index.html is missing. Build the renderer first: `npm run build:renderer` (`npm test` does this for you).');
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-e2e-'));
  const cleanups: (() => unknown)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('[e2e] cleanup failed:', error instanceof Error ? error.message : error);
      }
    }
  };

  try {
    const file = path.join(dir, 'roundtable.sqlite');
    if (options.databaseFrom) copyFileSync(options.databaseFrom, file);
    const store = options.demo
      ? (await createDemoDatabase(file, options.today ?? '2026-11-23', { osUser: 'e2e-test', staffId: null }, path.join(dir, 'demo-export'))).store
      : await openStore(options.file ?? file);
    cleanups.push(() => store.close());
    const ctx = createContext(store, { today: options.today ?? '2026-11-23', actor: { osUser: 'e2e-test', staffId: null } });
    if (options.practice) {
      await store.practice.save(ctx.actor, { name: options.practice.name, odsCode: options.practice.odsCode }, options.practice.isDemo ?? false);
    }

    const { server, origin } = await serveDist();
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });

    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`off-origin request: ${url}`);
    });

    // The bridge: the page's window.roundtable calls the same dispatch Electron registers.
    await page.exposeFunction('__roundtableInvoke', (channel: unknown, input: unknown) => dispatch(ctx, channel, input));
    await page.addInitScript({
      content: 'window.roundtable = Object.freeze({ invoke: (channel, input) => window.__roundtableInvoke(channel, input) });',
    });

    return {
      page,
      browser,
      store,
      ctx,
      origin,
      problems,
      async open(route) {
        await page.goto(`${origin}/#${route}`);
        await page.locator('main[data-ready="true"]').waitFor();
      },
      fileDialog(answers) {
        if ('open' in answers) ctx.chooseFile = () => Promise.resolve(answers.open ?? null);
        if ('save' in answers) ctx.chooseSaveFile = () => Promise.resolve(answers.save ?? null);
      },
      async invoke(channel, input) {
        const result = (await dispatch(ctx, channel, input)) as Result<ChannelOutput<typeof channel>>;
        if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      async audit() {
        const structural = (await page.evaluate(AUDIT_SCRIPT)) as string[];
        const axe = (await page.evaluate(AXE_SCRIPT)) as string[];
        return [...structural, ...axe];
      },
      async screenshot(name) {
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
