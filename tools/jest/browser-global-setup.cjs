// Global setup of the browser tier (*.browser.spec.ts): PostgreSQL as for the database tier, and
// the web app built with Vite's JS API into a temp dir the engine under test serves, so the tests
// need no earlier `npm run build:web` and never touch dist/web.
const { mkdtemp } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const databaseSetup = require('./global-setup.cjs');

module.exports = async function browserGlobalSetup(globalConfig, projectConfig) {
  await databaseSetup(globalConfig, projectConfig);
  const outDir = await mkdtemp(join(tmpdir(), 'laufweg-web-build-'));
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: resolve(__dirname, '..', '..', 'apps', 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  console.log(`Web app built for the browser tests in ${((Date.now() - started) / 1000).toFixed(1)} s (${outDir}).`);
  process.env.LAUFWEG_BROWSER_WEB_DIR = outDir;
  globalThis.__laufwegBrowserWebDir = outDir;
};
