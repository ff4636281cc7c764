import { Client } from 'pg';
import { migrationNames } from '@laufweg/migrations';
import { createTestDatabase, TEST_APP_PASSWORD, type TestDatabase } from '../../testing/test-database';
import { APP_ROLE, enableAppRoleLogin } from './app-role';
import { withCredentials } from './connection-url';
import { runMigrations } from './migration-runner';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('bootstrapDatabase on a real PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('applies every migration and records it', async () => {
    const rows = await query<{ name: string }>(db.ownerUrl, 'SELECT name FROM laufweg_migrations');
    expect(rows.map((row) => row.name)).toEqual([...migrationNames]);
  });

  it('gives the service a login as the unprivileged application role', async () => {
    // when the service connects with the URL the bootstrap handed out
    const [who] = await query<{ current_user: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      db.appUrl,
      'SELECT current_user, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    // then it is laufweg_app, with no power beyond its grants
    expect(who).toEqual({ current_user: APP_ROLE, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
  });

  it('lets the application role read and write data but not change the schema', async () => {
    await query(db.appUrl, `INSERT INTO tenant (id, name) VALUES ('leipzig', 'Stadt Leipzig')`);
    expect(await query(db.appUrl, `SELECT id, name FROM tenant`)).toEqual([{ id: 'leipzig', name: 'Stadt Leipzig' }]);
    await expect(query(db.appUrl, 'CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    await expect(query(db.appUrl, 'DROP TABLE tenant')).rejects.toThrow(/must be owner/);
    await expect(query(db.appUrl, 'ALTER TABLE tenant ADD COLUMN x int')).rejects.toThrow(/must be owner/);
    await expect(query(db.appUrl, 'DELETE FROM laufweg_migrations')).rejects.toThrow(/permission denied/);
  });

  it('applies nothing the second time, even when two engine processes migrate at once', async () => {
    const [first, second] = await Promise.all([runMigrations(db.ownerUrl), runMigrations(db.ownerUrl)]);
    expect([...first, ...second]).toEqual([]);
    const rows = await query<{ count: string }>(db.ownerUrl, 'SELECT count(*) FROM laufweg_migrations');
    expect(rows[0].count).toBe(String(migrationNames.length));
  });

  it('enables the shared login even when many engines start at once (regression: tuple concurrently updated)', async () => {
    // given a role without login (a scratch one: laufweg_app is shared by the tests running beside this one)
    const role = `laufweg_race_${Date.now().toString(36)}`;
    await query(db.ownerUrl, `CREATE ROLE ${role} NOLOGIN`);
    try {
      // when eight engines enable its login at once
      await Promise.all(Array.from({ length: 8 }, () => enableAppRoleLogin(db.ownerUrl, TEST_APP_PASSWORD, role)));
      // then it logs in
      const [who] = await query<{ current_user: string }>(withCredentials(db.ownerUrl, role, TEST_APP_PASSWORD), 'SELECT current_user');
      expect(who.current_user).toBe(role);
    } finally {
      await query(db.ownerUrl, `DROP ROLE ${role}`);
    }
  });
});
