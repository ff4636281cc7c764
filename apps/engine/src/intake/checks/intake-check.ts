import type { IncomingSubmission } from '../incoming-submission';
import type { ReceiptProblem } from '../receipt';
import type { OfferedService } from '../tenant-services.repository';

/** What a check sees: the submission as received, its metadata parsed (if it parsed) and the service the tenant offers under its identifier (if any). */
export interface CheckInput {
  readonly submission: IncomingSubmission;
  /** `JSON.parse` of the metadata bytes; undefined when they are no JSON. */
  readonly metadata: unknown;
  readonly service: OfferedService | undefined;
}

/**
 * One check of the intake, in the order FIT-Connect's receivers apply them. It returns the
 * problems it found (none: passed). The intake runs the checks in order and rejects with the
 * problems of the first check that found any.
 */
export interface IntakeCheck {
  readonly name: string;
  check(input: CheckInput): readonly ReceiptProblem[];
}

/** The checks in order: content hashes, metadata, application data, service offered. */
export function runChecks(checks: readonly IntakeCheck[], input: CheckInput): readonly ReceiptProblem[] {
  for (const check of checks) {
    const problems = check.check(input);
    if (problems.length > 0) return problems;
  }
  return [];
}
