import { Client } from 'pg';
import { performance } from 'node:perf_hooks';
import { adminQuery } from '../../shared/src/throwaway-database';

export interface CeilingRun {
  readonly concurrency: number;
  readonly transactions: number;
  readonly txPerSec: number;
}

/**
 * What the database itself allows: transactions of one small INSERT and one UPDATE
 * (BEGIN, INSERT, UPDATE, COMMIT: four round trips, one commit flush) through `pg` as the
 * application role, `concurrency` connections at once, each updating its own row.
 */
export async function runCeiling(database: { appUrl: string; ownerUrl: string }, concurrencies: readonly number[], durationMs: number): Promise<CeilingRun[]> {
  await adminQuery(
    database.ownerUrl,
    `CREATE TABLE bench_ceiling_log (id bigserial PRIMARY KEY, worker integer NOT NULL, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now());
     CREATE TABLE bench_ceiling_counter (worker integer PRIMARY KEY, n bigint NOT NULL DEFAULT 0);
     INSERT INTO bench_ceiling_counter (worker) SELECT generate_series(0, 63);
     GRANT SELECT, INSERT, UPDATE ON bench_ceiling_log, bench_ceiling_counter TO laufweg_app;
     GRANT USAGE ON SEQUENCE bench_ceiling_log_id_seq TO laufweg_app`,
  );
  try {
    const runs: CeilingRun[] = [];
    for (const concurrency of concurrencies) runs.push(await measure(database.appUrl, concurrency, durationMs));
    return runs;
  } finally {
    await adminQuery(database.ownerUrl, 'DROP TABLE bench_ceiling_log, bench_ceiling_counter');
  }
}

async function measure(appUrl: string, concurrency: number, durationMs: number): Promise<CeilingRun> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new Client({ connectionString: appUrl, application_name: 'laufweg-bench-ceiling' });
      await client.connect();
      return client;
    }),
  );
  try {
    const transaction = async (client: Client, worker: number): Promise<void> => {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_ceiling_log (worker, payload) VALUES ($1, $2)', [worker, 'ElementCompleted']);
      await client.query('UPDATE bench_ceiling_counter SET n = n + 1 WHERE worker = $1', [worker]);
      await client.query('COMMIT');
    };
    // Warm-up: connections, plans, the first pages.
    await Promise.all(clients.map(async (client, worker) => { for (let index = 0; index < 20; index++) await transaction(client, worker); }));
    let transactions = 0;
    const began = performance.now();
    await Promise.all(
      clients.map(async (client, worker) => {
        while (performance.now() - began < durationMs) {
          await transaction(client, worker);
          transactions++;
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    return { concurrency, transactions, txPerSec: transactions / seconds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
