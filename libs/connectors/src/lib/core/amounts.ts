/** Euros rounded half-up to cents (docs/connectors.md: amounts have at most two decimals). */
export function roundToCents(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount) * 100 + Number.EPSILON) / 100;
}

/** ISO date (YYYY-MM-DD) of an epoch millisecond in UTC. */
export function isoDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
