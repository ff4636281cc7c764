import { randomUUID } from 'node:crypto';
import { loadTenantValues, type RouteBundle, type RouteExample } from '@laufweg/routes';
import { type AttachmentToSend, buildSubmission, type SubmissionToSend } from '../../apps/engine/src/intake/testing/submission-builder';

/** One example application addressed to one municipality that offers its service. */
export interface DemoSubmission {
  readonly route: RouteBundle;
  readonly example: RouteExample;
  readonly tenant: string;
  readonly submission: SubmissionToSend;
}

/**
 * Every example of every route, for every municipality whose values offer the example's service,
 * as the portal would send it: fresh ids, correct SHA-512 hashes, and a small stand-in file per
 * attachment the example names.
 */
export function demoSubmissions(bundles: readonly RouteBundle[]): DemoSubmission[] {
  const result: DemoSubmission[] = [];
  for (const route of bundles) {
    for (const tenant of route.tenants) {
      const values = loadTenantValues(route, tenant);
      const offered = values.ok && Array.isArray(values.values['services']) ? (values.values['services'] as unknown[]) : [];
      for (const example of route.examples.filter((candidate) => offered.includes(candidate.service))) {
        const attachments: AttachmentToSend[] = example.attachments.map((attachment) => ({
          attachmentId: randomUUID(),
          filename: attachment.name,
          mimeType: attachment.mediaType,
          purpose: attachment.purpose === 'form' || attachment.purpose === 'report' ? attachment.purpose : 'attachment',
          bytes: Buffer.from(`Beispieldatei ${attachment.name} zum Antrag ${example.name} (Demo, kein echtes Dokument)\n`, 'utf8'),
        }));
        result.push({ route, example, tenant, submission: buildSubmission({ destinationId: tenant, serviceIdentifier: example.service, data: example.data, attachments }) });
      }
    }
  }
  return result;
}
