import { Client } from 'pg';
import { databaseName, withDatabase } from './connection-url';

/** Creates the database named in the URL if the server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      const { rows } = await client.query<{ sql: string }>(`SELECT format('CREATE DATABASE %I', $1::text) AS sql`, [name]);
      await client.query(rows[0].sql);
    }
  } finally {
    await client.end();
  }
}
