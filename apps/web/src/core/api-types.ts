/** The REST payloads the web app reads (the OpenAPI document at /api/docs-json is the source). */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface Tenant {
  readonly id: string;
  readonly name: string;
}

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly description: string;
}

export interface UserTask {
  readonly key: string;
  readonly elementId: string;
  readonly name: string | null;
  readonly processId: string;
  readonly processInstanceKey: string;
  readonly assignee: string | null;
  readonly candidateGroups: string[];
  readonly candidateUsers: string[];
  readonly dueAt: string | null;
  readonly followUpAt: string | null;
  readonly priority: number;
  readonly createdAt: string;
  readonly formId: string | null;
}

export interface UserTaskDetail extends UserTask {
  readonly form: Record<string, unknown> | null;
  readonly caseData: Record<string, unknown>;
}

export interface ProcessDefinition {
  readonly processDefinitionKey: string;
  readonly processId: string;
  readonly version: number;
  readonly name: string | null;
  readonly deploymentKey: string;
  readonly createdAt: string;
}

export interface Deployment {
  readonly deploymentKey: string;
  readonly resourceName: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly processes: { processId: string; processDefinitionKey: string; version: number }[];
  readonly resources: { name: string; kind: DeploymentResourceKind; resourceId: string | null }[];
}

/** Forms (form-js JSON), decisions (DMN XML) and a municipality's values (`*.values.json`). */
export type DeploymentResourceKind = 'form' | 'dmn' | 'values';

/** A resource of a deployment without its content (GET …/deployments/{deploymentKey}/resources). */
export interface DeploymentResource {
  readonly name: string;
  readonly kind: DeploymentResourceKind;
  readonly resourceId: string | null;
  readonly checksum: string;
  readonly mediaType: string;
  readonly size: number;
}

export interface DeploymentResources {
  readonly deploymentKey: string;
  /** File name of the deployment's BPMN document. */
  readonly resourceName: string;
  readonly items: DeploymentResource[];
}

export interface ModelProblem {
  readonly rule: string;
  readonly elementId?: string;
  readonly message: string;
  readonly severity?: 'error' | 'warning';
}

export interface DeploymentResult {
  readonly deploymentKey: string;
  readonly duplicate: boolean;
  readonly processes: { processId: string; processDefinitionKey: string; version: number }[];
  readonly warnings: ModelProblem[];
}

export type InstanceStatus = 'active' | 'completed' | 'terminated';

export interface ProcessInstance {
  readonly key: string;
  readonly rootKey: string;
  readonly processDefinitionKey: string;
  readonly processId: string;
  readonly version: number;
  readonly businessKey: string | null;
  readonly status: InstanceStatus;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly incidents: number;
}

export interface ElementInstance {
  readonly key: string;
  readonly elementId: string;
  readonly elementType: string;
  readonly state: string;
  readonly flowScopeKey: string | null;
}

export interface Incident {
  readonly key: string;
  readonly elementId: string;
  readonly errorType: string;
  readonly message: string;
  readonly createdAt: string;
}

export interface ProcessInstanceDetail extends ProcessInstance {
  readonly elementInstances: ElementInstance[];
  readonly variables: { scopeKey: string; name: string; value: unknown }[];
  readonly openIncidents: Incident[];
}

/** A document a route rendered (document.render), without its bytes. */
export interface DocumentSummary {
  readonly id: string;
  readonly processInstanceKey: string | null;
  readonly template: string;
  readonly name: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly createdAt: string;
}

export interface HistoryEntry {
  readonly position: number;
  readonly type: string;
  readonly at: string;
  readonly elementId: string | null;
  readonly event: Record<string, unknown>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly targetKind: string | null;
  readonly targetKey: string | null;
  readonly details: Record<string, unknown>;
}

export interface ScenarioFailure {
  readonly where: string;
  readonly line?: number;
  readonly message: string;
  readonly diff?: string;
}

export interface CoverageFigure {
  readonly covered: number;
  readonly total: number;
  readonly percent: number;
  readonly missing: string[];
}

export interface ScenarioRunResult {
  readonly passed: boolean;
  readonly path: string[];
  readonly visits: Record<string, number>;
  readonly flowsTaken: string[];
  readonly coverage: { nodes: CoverageFigure; flows: CoverageFigure };
  readonly failures: ScenarioFailure[];
  readonly produced: Record<string, number>;
  readonly notes: string[];
}

/** A route of processes/ (GET /api/v1/tenants/{tenantId}/routes): a template every municipality deploys with its values. */
export interface RouteSummary {
  readonly id: string;
  readonly name: string;
  /** The id of the route's process. */
  readonly process: string;
  readonly services: { id: string; name: string }[];
  /** Whether this tenant has its own values for the route. */
  readonly hasValues: boolean;
  /** Scenario file names (`01-….yaml`), to fetch from …/routes/{id}/scenarios/{name}. */
  readonly scenarios: string[];
}

/** An RFC 9457 problem as the API answers errors. */
export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly elementId?: string;
  readonly errors?: { field?: string; elementId?: string; rule?: string; message: string }[];
}
