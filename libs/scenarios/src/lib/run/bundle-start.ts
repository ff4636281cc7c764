import type { JsonObject } from '@laufweg/bpmn-model';
import { checkApplication, loadTenantValues, submissionStartVariables, type RouteBundle } from '@laufweg/routes';
import { basename } from 'node:path';
import type { LoadedScenario } from '../format/load-scenario-file';

/** How a scenario on a route bundle starts: the municipality's values and, for a submission, the start message. */
export interface BundleStart {
  readonly constants: JsonObject;
  /** The municipality's Land (its holidays count for working days). */
  readonly land: string;
  readonly message?: { readonly name: string; readonly correlationKey: string; readonly variables: JsonObject };
}

export type BundleStartResult = { readonly ok: true; readonly start: BundleStart } | { readonly ok: false; readonly segments: readonly string[]; readonly message: string };

/**
 * For a route of processes/: the tenant's values (checked against the schemas) become the
 * deployment's constants, and a `submission` becomes the start message with the variables the
 * intake sets (`application`, `submission`), the application checked against its service's schema.
 */
export function prepareBundleStart(scenario: LoadedScenario, bundle: RouteBundle, startTime: number): BundleStartResult {
  const { definition } = scenario;
  const tenant = definition.tenant;
  if (tenant === undefined) {
    return { ok: false, segments: ['tenant'], message: `route '${bundle.id}' is a municipal route: name the municipality with 'tenant:' (${bundle.tenants.join(', ') || 'none has values yet'})` };
  }
  const values = loadTenantValues(bundle, tenant);
  if (!values.ok) return { ok: false, segments: ['tenant'], message: values.problems.join('; ') };
  const land = typeof values.values['land'] === 'string' ? values.values['land'] : 'SN';
  const constants: JsonObject = { municipality: values.values };
  const submission = definition.submission;
  if (submission === undefined) return { ok: true, start: { constants, land } };

  const example = submission.example === undefined ? undefined : bundle.examples.find((candidate) => candidate.name === submission.example?.replace(/\.json$/, ''));
  if (submission.example !== undefined && example === undefined) {
    return { ok: false, segments: ['submission', 'example'], message: `route '${bundle.id}' has no example '${submission.example}' (${bundle.examples.map((candidate) => candidate.name).join(', ') || 'none'})` };
  }
  const serviceId = submission.service ?? example?.service ?? (bundle.services.length === 1 ? bundle.services[0].id : undefined);
  const service = bundle.services.find((candidate) => candidate.id === serviceId);
  if (!service) return { ok: false, segments: ['submission', 'service'], message: `name one of the route's services: ${bundle.services.map((candidate) => candidate.id).join(', ')}` };
  const offered = values.values['services'];
  if (Array.isArray(offered) && !offered.includes(service.id)) {
    return { ok: false, segments: ['submission', 'service'], message: `municipality '${tenant}' does not offer ${service.id} (its services: ${offered.join(', ')})` };
  }
  const application = submission.data ?? example?.data ?? {};
  const checked = checkApplication(service.schema, application);
  if (!checked.ok) {
    const problems = checked.problems.map((problem) => `${problem.pointer} ${problem.message}`).join('; ');
    return { ok: false, segments: ['submission'], message: `the application is not valid for ${service.name} (${service.schemaFile}): ${problems}` };
  }
  const stem = basename(scenario.file).replace(/\.ya?ml$/, '');
  const submissionId = submission.submissionId ?? `sub-${stem}`;
  const attachments = (submission.attachments ?? example?.attachments ?? []).map((attachment, index) => ({
    id: ('id' in attachment && typeof attachment.id === 'string' ? attachment.id : undefined) ?? `att-${index + 1}`,
    name: attachment.name,
    mediaType: attachment.mediaType ?? 'application/pdf',
    size: ('size' in attachment && typeof attachment.size === 'number' ? attachment.size : undefined) ?? 1024,
    ...(attachment.purpose ? { purpose: attachment.purpose } : {}),
  }));
  const variables = submissionStartVariables({
    application,
    submission: {
      submissionId,
      caseId: submission.caseId ?? `case-${stem}`,
      serviceId: service.id,
      serviceName: service.name,
      receivedAt: new Date(startTime).toISOString(),
      attachments,
      ...(submission.replyChannel ? { replyChannel: submission.replyChannel } : {}),
      ...(submission.payment ? { payment: submission.payment } : {}),
    },
  });
  return { ok: true, start: { constants, land, message: { name: bundle.startMessage, correlationKey: submissionId, variables } } };
}
