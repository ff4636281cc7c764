import type { JsonObject } from '@laufweg/bpmn-model';

/**
 * A scenario as written in YAML (schema: libs/scenarios/schema/scenario.schema.json, prose:
 * docs/scenarios.md). The types mirror the schema; a parsed document is checked against the
 * schema before it is used as one of these.
 */
export interface ScenarioDefinition {
  readonly name: string;
  readonly description?: string;
  /** A route name (processes/<route>/<route>.bpmn) or a .bpmn path relative to the scenario file. */
  readonly route: string;
  readonly process?: string;
  readonly tenant?: string;
  /** German Land whose holidays count for working days (default SN). */
  readonly land?: string;
  /** ISO 8601 date-time with offset. */
  readonly startTime?: string;
  readonly startMessage?: { readonly name: string; readonly correlationKey?: string };
  /** For a route bundle: the application as the portal intake delivers it. */
  readonly submission?: ScenarioSubmission;
  readonly application?: JsonObject;
  readonly applicationFile?: string;
  readonly connectors?: Readonly<Record<string, ConnectorAnswers>>;
  readonly steps?: readonly ScenarioStep[];
  readonly expect?: FinalExpectations;
}

/** An application arriving through the intake (route bundles only); see the schema for defaults. */
export interface ScenarioSubmission {
  readonly example?: string;
  readonly data?: JsonObject;
  readonly service?: string;
  readonly submissionId?: string;
  readonly caseId?: string;
  readonly attachments?: readonly { readonly id?: string; readonly name: string; readonly mediaType?: string; readonly size?: number; readonly purpose?: string }[];
  readonly payment?: JsonObject;
  readonly replyChannel?: JsonObject;
}

/** Answers one per call in order; or calls then a default for every further call. */
export type ConnectorAnswers = readonly ConnectorAnswer[] | { readonly calls?: readonly ConnectorAnswer[]; readonly default?: ConnectorAnswer };

/** What a connector does with one job. */
export type ConnectorAnswer =
  | { readonly variables: JsonObject }
  | { readonly error: string | { readonly code: string; readonly message?: string; readonly variables?: JsonObject } }
  | { readonly failure: { readonly retries?: number; readonly message?: string; readonly backoff?: string } }
  | { readonly outage: true | string }
  | { readonly pending: true };

export type ScenarioStep =
  | { readonly expectUserTask: { readonly element: string; readonly candidateGroup?: string; readonly assignee?: string } }
  | { readonly completeUserTask: { readonly element: string; readonly user?: string; readonly form?: JsonObject } }
  | { readonly message: { readonly name: string; readonly correlationKey?: string; readonly variables?: JsonObject; readonly timeToLive?: string } }
  | { readonly signal: { readonly name: string; readonly variables?: JsonObject } }
  | { readonly wait: string }
  | { readonly expectActive: string | readonly string[] }
  | { readonly expectCompleted: string | readonly string[] }
  | { readonly expectIncident: { readonly element: string; readonly errorType?: string } }
  | { readonly resolveIncident: { readonly element: string; readonly retries?: number } }
  | { readonly expectVariables: { readonly feel?: string; readonly match?: JsonObject } };

/** The step kinds, in the order the documentation lists them. */
export const STEP_KINDS = [
  'expectUserTask',
  'completeUserTask',
  'message',
  'signal',
  'wait',
  'expectActive',
  'expectCompleted',
  'expectIncident',
  'resolveIncident',
  'expectVariables',
] as const;

export type StepKind = (typeof STEP_KINDS)[number];

export interface FinalExpectations {
  readonly endEvent?: string;
  readonly state?: 'completed' | 'active' | 'terminated';
  /** The whole path, or elements it must contain (in this order) and must not contain. */
  readonly path?: readonly string[] | { readonly contains?: readonly string[]; readonly excludes?: readonly string[] };
  /** Job type (later also a document kind a connector reports) -> how many. */
  readonly documents?: Readonly<Record<string, number>>;
  readonly notifications?: Readonly<Record<string, number>>;
}

/** The one key of a step (the schema guarantees there is exactly one). */
export function stepKind(step: ScenarioStep): StepKind {
  return Object.keys(step)[0] as StepKind;
}
