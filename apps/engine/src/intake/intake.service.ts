import { Injectable } from '@nestjs/common';
import type { JsonObject } from '@laufweg/bpmn-model';
import { EngineRuntime, withTenants } from '@laufweg/persistence';
import { submissionStartVariables } from '@laufweg/routes';
import type { PoolClient } from 'pg';
import { DataCheck } from './checks/data.check';
import { HashCheck } from './checks/hash.check';
import { type IntakeCheck, runChecks } from './checks/intake-check';
import { MetadataCheck } from './checks/metadata.check';
import { parseJson } from './checks/parse-json';
import { ServiceOfferedCheck } from './checks/service-offered.check';
import { sha512Hex } from './checks/sha512';
import type { IncomingSubmission } from './incoming-submission';
import { routeNotStarted, submissionConflict } from './intake-problems';
import { type AcceptReceipt, type Receipt, rejectReceipt } from './receipt';
import { startRouteOn } from './route-start';
import { submissionFingerprint } from './submission-fingerprint';
import { type NewAttachment, SubmissionsRepository } from './submissions.repository';
import { type OfferedService, TenantServicesRepository } from './tenant-services.repository';

/** What the intake answered: a new receipt (201 accept, 422 reject) or the stored one again. */
export interface SubmitOutcome {
  readonly duplicate: boolean;
  readonly receipt: Receipt;
}

/** The id was inserted meanwhile by a concurrent request (or exists in another tenant): look again. */
class InsertRaced extends Error {}

/**
 * The intake of one submission (ADR 0008): idempotent on the submission id, then the checks in
 * order (hashes, metadata, data, service offered), then in ONE transaction the submission stored
 * verbatim and its route started by the message start event. A rejected submission is stored too
 * (for the audit) and starts nothing. A failure to start stores nothing (503): the portal sends
 * the same submission again, so nothing is lost and nothing is half-done.
 */
@Injectable()
export class IntakeService {
  private readonly checks: readonly IntakeCheck[] = [new HashCheck(), new MetadataCheck(), new DataCheck(), new ServiceOfferedCheck()];

  constructor(
    private readonly runtime: EngineRuntime,
    private readonly submissions: SubmissionsRepository,
    private readonly services: TenantServicesRepository,
  ) {}

  async submit(incoming: IncomingSubmission): Promise<SubmitOutcome> {
    const fingerprint = submissionFingerprint(incoming);
    for (let attempt = 1; ; attempt++) {
      try {
        return await withTenants(this.runtime.pool, [incoming.destinationId], (client) => this.submitOn(client, incoming, fingerprint));
      } catch (error) {
        // The unique index made us wait for the other transaction; it has committed by now.
        if (error instanceof InsertRaced && attempt === 1) continue;
        if (error instanceof InsertRaced) throw submissionConflict(incoming.submissionId, true);
        throw error;
      }
    }
  }

  private async submitOn(client: PoolClient, incoming: IncomingSubmission, fingerprint: string): Promise<SubmitOutcome> {
    const tenantId = incoming.destinationId;
    const known = await this.submissions.find(client, [tenantId], incoming.submissionId);
    if (known) {
      if (known.fingerprint !== fingerprint || !known.receipt) throw submissionConflict(incoming.submissionId, false);
      return { duplicate: true, receipt: known.receipt };
    }
    const service = await this.services.find(client, tenantId, incoming.serviceIdentifier);
    const metadata = parseJson(incoming.metadataBytes);
    const problems = runChecks(this.checks, { submission: incoming, metadata, service });
    const receivedAt = new Date(this.runtime.clock.now());
    const data = parseJson(incoming.dataBytes);
    const envelope = { submissionId: incoming.submissionId, caseId: incoming.caseId };
    const rejected = problems.length > 0 ? rejectReceipt(envelope, receivedAt.toISOString(), problems) : null;
    const attachments = attachmentsOf(incoming, metadata);
    const inserted = await this.submissions.insert(client, {
      tenantId,
      ...envelope,
      serviceId: incoming.serviceIdentifier,
      fingerprint,
      metadata: metadata ?? null,
      data: data ?? null,
      dataRaw: incoming.dataBytes,
      status: rejected ? 'rejected' : 'accepted',
      receipt: rejected,
      receivedAt,
      attachments,
    });
    if (!inserted) throw new InsertRaced();
    if (rejected) return { duplicate: false, receipt: rejected };
    if (!service) throw new Error(`Submission ${incoming.submissionId} passed the service check without an offered service.`);

    const started = await startRouteOn(client, this.runtime, tenantId, {
      name: service.startMessage,
      correlationKey: incoming.submissionId,
      businessKey: incoming.caseId,
      variables: startVariables(incoming, service, metadata, data as JsonObject, receivedAt, attachments),
    });
    if (!started.ok) throw routeNotStarted(incoming.submissionId, started.reason);
    const receipt: AcceptReceipt = { status: 'accept', ...envelope, receivedAt: receivedAt.toISOString(), processInstanceKey: started.processInstanceKey };
    await this.submissions.accept(client, tenantId, incoming.submissionId, started.processInstanceKey, receipt);
    return { duplicate: false, receipt };
  }
}

/** The attachments as received, described by their metadata entry (name, media type, purpose). */
function attachmentsOf(incoming: IncomingSubmission, metadata: unknown): NewAttachment[] {
  const announced = new Map<string, Record<string, unknown>>();
  const list = (metadata as { contentStructure?: { attachments?: unknown } } | undefined)?.contentStructure?.attachments;
  if (Array.isArray(list)) {
    for (const entry of list as unknown[]) {
      if (typeof entry === 'object' && entry !== null && typeof (entry as { attachmentId?: unknown }).attachmentId === 'string') {
        announced.set((entry as { attachmentId: string }).attachmentId, entry as Record<string, unknown>);
      }
    }
  }
  return incoming.attachments.map((attachment) => {
    const entry = announced.get(attachment.attachmentId) ?? {};
    const text = (key: string): string | undefined => (typeof entry[key] === 'string' ? (entry[key] as string) : undefined);
    return {
      attachmentId: attachment.attachmentId,
      name: text('filename') ?? attachment.attachmentId,
      mediaType: text('mimeType') ?? 'application/octet-stream',
      purpose: text('purpose') ?? null,
      bytes: attachment.bytes,
      sha512: sha512Hex(attachment.bytes),
    };
  });
}

function startVariables(incoming: IncomingSubmission, service: OfferedService, metadata: unknown, application: JsonObject, receivedAt: Date, attachments: readonly NewAttachment[]): JsonObject {
  const { replyChannel, paymentInformation } = (metadata ?? {}) as { replyChannel?: JsonObject; paymentInformation?: JsonObject };
  return submissionStartVariables({
    application,
    submission: {
      submissionId: incoming.submissionId,
      caseId: incoming.caseId,
      serviceId: service.serviceId,
      serviceName: service.serviceName,
      receivedAt: receivedAt.toISOString(),
      ...(replyChannel ? { replyChannel } : {}),
      ...(paymentInformation ? { payment: paymentInformation } : {}),
      attachments: attachments.map((attachment) => ({ id: attachment.attachmentId, name: attachment.name, mediaType: attachment.mediaType, size: attachment.bytes.length, ...(attachment.purpose ? { purpose: attachment.purpose } : {}) })),
    },
  });
}
