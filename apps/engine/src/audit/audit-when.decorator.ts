import { SetMetadata } from '@nestjs/common';

export const AUDIT_WHEN_KEY = 'laufweg:audit-when';

/** Decides from a handler's result whether its request changed anything worth an audit entry. */
export type AuditPredicate = (result: unknown) => boolean;

/**
 * A state-changing route whose request may turn out to change nothing (a worker polling for jobs
 * and getting none) records its audit entry only when the predicate holds for the result.
 */
export const AuditWhen = (predicate: AuditPredicate): MethodDecorator => SetMetadata(AUDIT_WHEN_KEY, predicate);
