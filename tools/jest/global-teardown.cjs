// Stops the embedded cluster that the global setup started and deletes its files.
const { rm } = require('node:fs/promises');

module.exports = async function globalTeardown() {
  const started = globalThis.__laufwegTestPostgres;
  if (!started) return;
  await started.cluster.stop();
  await rm(started.dir, { recursive: true, force: true });
};
