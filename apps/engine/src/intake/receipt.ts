/**
 * One reason a submission was rejected, RFC 9457 style as FIT-Connect's `reject-submission`
 * carries them: `instance` names the part (`metadata`, `data`, `attachment:<id>`, `submission`),
 * `pointer` the JSON pointer inside it where there is one.
 */
export interface ReceiptProblem {
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly instance: string;
  readonly pointer?: string;
}

export interface AcceptReceipt {
  readonly status: 'accept';
  readonly submissionId: string;
  readonly caseId: string;
  readonly receivedAt: string;
  readonly processInstanceKey: string;
}

/**
 * A reject receipt (HTTP 422, `application/json`): not itself a problem document — RFC 9457
 * reserves `status` for the HTTP status, the receipt's `status` is FIT-Connect's — but each of
 * its `problems` is one.
 */
export interface RejectReceipt {
  readonly status: 'reject';
  readonly detail: string;
  readonly submissionId: string;
  readonly caseId: string;
  readonly receivedAt: string;
  readonly problems: readonly ReceiptProblem[];
}

export type Receipt = AcceptReceipt | RejectReceipt;

/** Stable type URIs of the reject reasons; portals branch on these. */
export function intakeProblemType(slug: IntakeProblemSlug): string {
  return `urn:laufweg:problem:intake:${slug}`;
}

export type IntakeProblemSlug =
  | 'data-hash-mismatch'
  | 'attachment-hash-mismatch'
  | 'attachment-missing'
  | 'attachment-unannounced'
  | 'metadata-invalid'
  | 'data-invalid'
  | 'service-not-offered';

export function rejectReceipt(envelope: { submissionId: string; caseId: string }, receivedAt: string, problems: readonly ReceiptProblem[]): RejectReceipt {
  const count = problems.length === 1 ? 'einem Grund' : `${problems.length} Gründen`;
  return {
    status: 'reject',
    detail: `Die Einreichung ${envelope.submissionId} wurde aus ${count} abgelehnt; es wurde kein Vorgang gestartet.`,
    submissionId: envelope.submissionId,
    caseId: envelope.caseId,
    receivedAt,
    problems: [...problems],
  };
}
