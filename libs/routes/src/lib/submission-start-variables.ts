import type { JsonObject, JsonValue } from '@laufweg/bpmn-model';

export interface SubmissionAttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly purpose?: string;
}

/** What the intake knows of an accepted submission, besides the application data. */
export interface SubmissionFacts {
  readonly submissionId: string;
  readonly caseId: string;
  readonly serviceId: string;
  readonly serviceName: string;
  /** ISO 8601 instant; the route sees it to the second (`2026-03-02T08:00:00Z`), which FEEL's date and time functions read. */
  readonly receivedAt: string;
  readonly replyChannel?: JsonObject;
  readonly payment?: JsonObject;
  readonly attachments: readonly SubmissionAttachmentRef[];
}

/**
 * The variables a route starts with when an application arrives: `application` (the data as
 * filed) and `submission` (how it came: ids, service, reply channel, payment, attachment
 * references — never attachment content). The deployment adds `municipality`. The intake and the
 * scenario runner both use this, so a scenario starts a route exactly as the portal does.
 */
export function submissionStartVariables(input: { readonly application: JsonObject; readonly submission: SubmissionFacts }): JsonObject {
  const { submission } = input;
  const facts: Record<string, JsonValue> = {
    submissionId: submission.submissionId,
    caseId: submission.caseId,
    serviceId: submission.serviceId,
    serviceName: submission.serviceName,
    receivedAt: toSeconds(submission.receivedAt),
    attachments: submission.attachments.map((attachment) => ({
      id: attachment.id,
      name: attachment.name,
      mediaType: attachment.mediaType,
      size: attachment.size,
      ...(attachment.purpose ? { purpose: attachment.purpose } : {}),
    })),
  };
  if (submission.replyChannel) facts['replyChannel'] = submission.replyChannel;
  if (submission.payment) facts['payment'] = submission.payment;
  return { application: input.application, submission: facts };
}

/** FEEL (feelin) reads `2026-03-02T08:00:00Z` but not fractions of a second: they are dropped. */
function toSeconds(instant: string): string {
  return instant.replace(/\.\d+(?=Z$|[+-]\d{2}:\d{2}$)/, '');
}
