/**
 * Builds the renderer into renderer/dist. base './' so Electron's loadFile (file://) and the e2e
 * static server both resolve the bundle relative to index.html.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * nhsuk-frontend's compiled CSS loads Frutiger from assets.nhs.uk and its icons from an absolute
 * /assets path. The app has no remote content (CSP font-src 'self' data:), so the remote @font-face
 * rules are dropped (the stack falls back to Arial, as NHS services do without Frutiger) and the icons
 * are pointed at the package's own files so Vite bundles them. Internet Explorer-only `@media screen\0`
 * blocks, which Chromium never applies and the CSS minifier cannot parse, are dropped too.
 */
function nhsukOffline(): Plugin {
  return {
    name: 'roundtable:nhsuk-offline',
    enforce: 'pre',
    transform(code, id) {
      if (!/nhsuk-frontend[^/]*\.css(\?|$)/.test(id)) return null;
      const css = code
        .replace(/@font-face\s*\{[^}]*\}/g, '')
        .replace(/@media screen\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}/g, '')
        .replace(/url\(\/assets\//g, 'url(./assets/');
      return { code: css, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [nhsukOffline(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Electron's Chromium is recent; no legacy transforms needed.
    target: 'chrome130',
  },
});
