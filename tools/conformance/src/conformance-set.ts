/** One line of a set's table: how many of `total` cases passed. */
export interface ConformanceRow {
  readonly label: string;
  readonly passed: number;
  readonly total: number;
  readonly note?: string;
}

/** What a set reports: table rows, fields for the JSON summary, and failure details for --verbose. */
export interface ConformanceSetResult {
  readonly rows: readonly ConformanceRow[];
  readonly fields: Readonly<Record<string, number | string>>;
  readonly failures: readonly string[];
}

/** Where the material is and how much to say. */
export interface ConformanceRunContext {
  /** The conformance folder (`../shared/conformance` by default). */
  readonly root: string;
  readonly verbose: boolean;
}

/** A pluggable group of conformance checks (MIWG, corpora, negatives, paed01 execution, ...). */
export interface ConformanceSet {
  readonly name: string;
  readonly title: string;
  run(context: ConformanceRunContext): Promise<ConformanceSetResult>;
}
