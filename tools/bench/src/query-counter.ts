import { Client } from 'pg';

/** Calls and time of one statement shape (its SQL with the parameter lists folded). */
export interface StatementStats {
  readonly sql: string;
  calls: number;
  totalMs: number;
}

/**
 * A poor man's pg_stat_statements on the client side: every query any pool client built by
 * `countingClientClass()` sends is counted by statement shape, with the time until its answer.
 * Reset between steps; counting costs a map lookup or two per query.
 */
export class QueryCounter {
  private readonly statements = new Map<string, StatementStats>();
  /** Shapes of the texts seen: the runtime sends few distinct texts, so the fold runs once per text. */
  private readonly shapes = new Map<string, string>();
  private total = 0;

  record(sql: string, ms: number): void {
    let shape = this.shapes.get(sql);
    if (shape === undefined) {
      shape = shapeOf(sql);
      if (this.shapes.size < 10_000) this.shapes.set(sql, shape);
    }
    let entry = this.statements.get(shape);
    if (!entry) {
      entry = { sql: shape, calls: 0, totalMs: 0 };
      this.statements.set(shape, entry);
    }
    entry.calls++;
    entry.totalMs += ms;
    this.total++;
  }

  get queries(): number {
    return this.total;
  }

  reset(): void {
    this.statements.clear();
    this.total = 0;
  }

  /** Statement shapes by total time, highest first. */
  top(limit: number): StatementStats[] {
    return [...this.statements.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, limit);
  }
}

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/**
 * A pg Client class whose queries are reported to `counter`; pass it as the Pool's `Client`.
 * Handles both the promise form (the runtime's) and the callback form (Pool.query's).
 */
export function countingClientClass(counter: QueryCounter): typeof Client {
  class CountingClient extends Client {}
  const original = Client.prototype.query as unknown as QueryFn;
  const counted: QueryFn = function (this: Client, ...args: unknown[]): unknown {
    const [first] = args;
    const sql = typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'text' in first ? String(first.text) : '(submittable)';
    const started = performance.now();
    const done = (): void => counter.record(sql, performance.now() - started);
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (...results: unknown[]) => unknown;
      args[args.length - 1] = (...results: unknown[]): unknown => {
        done();
        return callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      void result.then(done, done);
    } else done();
    return result;
  };
  (CountingClient.prototype as unknown as { query: QueryFn }).query = counted;
  return CountingClient;
}

/** Folds what varies between calls of one statement: parameter lists, multi-row VALUES, whitespace. */
export function shapeOf(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\$\d+(?:::[\w[\]]+)?(?:, \$\d+(?:::[\w[\]]+)?)*/g, '$n')
    .replace(/\(\$n\)(?:, \(\$n\))+/g, '($n), ...')
    .trim();
}
