import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../main/electron/csp';
import { formatLog } from '../../main/electron/log';
import { windowOptions } from '../../main/electron/window';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name = '', ...sources] = d.split(/\s+/);
    return [name, sources.join(' ')];
  }));
}

describe('windowOptions', () => {
  const options = windowOptions('/app/out/electron/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('turns every renderer security setting on', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('waits for ready-to-show and looks like Roundtable', () => {
    expect(options).toMatchObject({ show: false, title: 'Roundtable', backgroundColor: '#f0f4f5' });
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
  });

  it('keeps DevTools off unless asked, and has no preload for the failure window', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
    const failure = windowOptions(undefined).webPreferences ?? {};
    expect(failure).not.toHaveProperty('preload');
    expect(failure).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });
});

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('is strict: self only, no eval, no inline script, no plugins, no base or form tricks', () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY.split(';')).toHaveLength(csp.size);
  });

  it('matches the meta tag in renderer/index.html (frame-ancestors works only as a header)', () => {
    const file = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));
    if (!existsSync(file)) return;
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(readFileSync(file, 'utf8'));
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    const header = new Map(csp);
    header.delete('frame-ancestors');
    const tag = directives(meta?.[1] ?? '');
    tag.delete('frame-ancestors');
    expect(Object.fromEntries(tag)).toEqual(Object.fromEntries(header));
  });

  it('replaces any policy already in the response headers, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'CONTENT-SECURITY-POLICY': 'x', 'Content-Type': 'text/html', 'X-Two': ['a', 'b'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'X-Two': ['a', 'b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('formatLog', () => {
  it('prints an event with short key=value fields and drops undefined ones', () => {
    expect(formatLog('app.start', { version: '0.1.0', ms: 42, packaged: false, missing: undefined })).toBe('[roundtable] app.start version=0.1.0 ms=42 packaged=false');
  });

  it('keeps each field to one short token', () => {
    const line = formatLog('x', { reason: `a b\nc${'z'.repeat(200)}` });
    expect(line).not.toMatch(/\n/);
    expect(line.length).toBeLessThan(120);
  });
});
