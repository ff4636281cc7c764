// Removes the web build of the browser tier, then stops PostgreSQL as the database tier does
// (once: when the database tier ran too, whichever teardown comes first stops the cluster).
const { rm } = require('node:fs/promises');
const databaseTeardown = require('./global-teardown.cjs');

module.exports = async function browserGlobalTeardown(globalConfig, projectConfig) {
  if (globalThis.__laufwegBrowserWebDir) await rm(globalThis.__laufwegBrowserWebDir, { recursive: true, force: true });
  try {
    await databaseTeardown(globalConfig, projectConfig);
  } catch {
    // already stopped by the database tier's teardown
  }
  globalThis.__laufwegTestPostgres = undefined;
};
