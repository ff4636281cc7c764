import type { JobOrigin } from '../core/connector';

export type CaseStatus = 'received' | 'in-processing' | 'needs-input' | 'completed' | 'rejected';

export interface StatusNotification {
  readonly submissionId: string;
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly message?: string;
  readonly documentIds?: readonly string[];
}

export interface NotificationReceipt {
  readonly id: string;
  /** The case status that was notified. */
  readonly status: CaseStatus;
  readonly sentAt: string;
}

/** The state portal's status channel (FIT-Connect reply / Servicekonto-Postfach). */
export interface Portal {
  notify(notification: StatusNotification, origin: JobOrigin): Promise<NotificationReceipt>;
}
