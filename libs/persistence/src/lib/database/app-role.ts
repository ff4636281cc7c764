import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { withCredentials } from './connection-url';

/**
 * The role the running service connects as. It owns nothing and may only read and write the
 * rows of the tables the migrations grant it; it cannot change the schema, create roles or
 * bypass row-level security. Migrations create it (NOLOGIN) and grant its privileges.
 */
export const APP_ROLE = 'laufweg_app';

/**
 * Lets the application role log in with the given password. Runs as the owner; used when
 * Laufweg manages the role itself (no DATABASE_APP_URL). The role keeps no power beyond its
 * grants, whatever it had before.
 */
export async function enableAppRoleLogin(ownerUrl: string, password: string, role: string = APP_ROLE): Promise<void> {
  if (await canLogIn(withCredentials(ownerUrl, role, password))) return;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD %L', $1::text, $2::text) AS sql`,
      [role, password],
    );
    // The role is cluster-wide: engines starting at once on databases of one server may alter it
    // together, which PostgreSQL refuses with "tuple concurrently updated"; the same change again is harmless.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(rows[0].sql);
        return;
      } catch (error) {
        if (attempt >= 10 || !(error instanceof Error) || !error.message.includes('tuple concurrently updated')) throw error;
        // Jittered, so engines that collided do not collide again.
        await new Promise((resolve) => setTimeout(resolve, 10 + randomInt(20 * attempt)));
      }
    }
  } finally {
    await client.end();
  }
}

/** Whether the role already logs in with this password (then nothing needs to change). */
async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
