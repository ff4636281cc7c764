import type { JsonObject } from '@laufweg/bpmn-model';

/** A service (Leistung) a route handles, with the JSON Schema its applications must meet. */
export interface RouteService {
  /** LeiKa URN, as FIT-Connect names the service: `urn:de:fim:leika:leistung:<key>`. */
  readonly id: string;
  readonly name: string;
  readonly schemaFile: string;
  /** JSON Schema draft 2020-12 of the application data. */
  readonly schema: JsonObject;
}

/** A text file of a bundle, by its name relative to the bundle (or `shared/...`). */
export interface BundleFile {
  readonly name: string;
  readonly content: string;
}

export interface RouteExample {
  readonly name: string;
  readonly service: string;
  readonly data: JsonObject;
  readonly attachments: readonly { readonly name: string; readonly mediaType: string; readonly purpose?: string }[];
}

/**
 * One route of `processes/`: a template every municipality deploys with its own values. Read
 * whole, so the intake, the deployer and the scenario runner see the same files.
 */
export interface RouteBundle {
  readonly id: string;
  readonly name: string;
  /** The folder, absolute. */
  readonly dir: string;
  /** Process id of the route's main process in `<id>.bpmn`. */
  readonly process: string;
  /** The message start event's name; the intake correlates it with the submission id. */
  readonly startMessage: string;
  readonly services: readonly RouteService[];
  readonly bpmn: BundleFile;
  /** Shared call activities the route calls (processes/shared/<id>.bpmn), with the forms of their user tasks. */
  readonly shared: readonly BundleFile[];
  readonly sharedForms: readonly BundleFile[];
  readonly forms: readonly BundleFile[];
  readonly decisions: readonly BundleFile[];
  /** DMN rule tests, `decisions/*.tests.yaml`. */
  readonly decisionTests: readonly BundleFile[];
  readonly examples: readonly RouteExample[];
  /** JSON Schema of the route's own values (fees, deadlines ...), checked with the municipality schema. */
  readonly valuesSchema?: JsonObject;
  /** Municipalities with a `tenants/<tenant>.yaml`, sorted. */
  readonly tenants: readonly string[];
  /** The route's scenarios (`scenarios/*.yaml`), sorted by name. */
  readonly scenarios: readonly BundleFile[];
}
