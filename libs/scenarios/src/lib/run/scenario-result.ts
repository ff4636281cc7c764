/** One thing that did not go as the scenario says. */
export interface ScenarioFailure {
  /** The YAML path of the step or expectation (`steps[3].completeUserTask`, `expect.path`). */
  readonly where: string;
  readonly line?: number;
  readonly message: string;
  /** For paths: the expected and actual path from the first diverging element on. */
  readonly diff?: string;
}

/** The outcome of one scenario run. Plain JSON, for the CLI, tests and the API alike. */
export interface ScenarioResult {
  readonly file: string;
  readonly name: string;
  /** The route name (processes/<route>, or the .bpmn file's base name). */
  readonly route: string;
  readonly bpmnFile?: string;
  readonly process?: string;
  readonly tenant: string;
  readonly passed: boolean;
  /** Element ids in the order they were entered. */
  readonly path: readonly string[];
  /** How often each element was entered. */
  readonly visits: Readonly<Record<string, number>>;
  /** Sequence flows in the order they were taken. */
  readonly flowsTaken: readonly string[];
  /** Completed jobs by type: documents rendered, notifications sent, ... */
  readonly produced: Readonly<Record<string, number>>;
  readonly failures: readonly ScenarioFailure[];
  /** Hints for a failed run, e.g. jobs that waited for an answer the scenario does not give. */
  readonly notes: readonly string[];
}
