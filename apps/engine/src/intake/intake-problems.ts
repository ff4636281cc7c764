import { ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { type ProblemDetails, problemType } from '../problem/problem-details';

/** 409: the submission id is known with other content (or in another destination); nothing changed. */
export function submissionConflict(submissionId: string, elsewhere: boolean): ConflictException {
  return new ConflictException({
    type: problemType(elsewhere ? 'submission-id-taken' : 'submission-conflict'),
    title: elsewhere ? 'Submission id taken' : 'Submission conflict',
    status: 409,
    detail: elsewhere
      ? `Submission ${submissionId} was already received for another destination; submission ids are unique across destinations.`
      : `Submission ${submissionId} was already received with different content; a correction needs a new submission id.`,
  } satisfies ProblemDetails);
}

/** 404: no such submission among the caller's tenants (another tenant's answers the same). */
export function submissionNotFound(submissionId: string): NotFoundException {
  return new NotFoundException({ type: problemType('submission-not-found'), title: 'Submission not found', status: 404, detail: `Submission ${submissionId} does not exist in your tenants.` } satisfies ProblemDetails);
}

export function attachmentNotFound(submissionId: string, attachmentId: string): NotFoundException {
  return new NotFoundException({
    type: problemType('attachment-not-found'),
    title: 'Attachment not found',
    status: 404,
    detail: `Submission ${submissionId} has no attachment ${attachmentId} in your tenants.`,
  } satisfies ProblemDetails);
}

/** 410: the attachment's content was erased after the retention period. */
export function attachmentErased(submissionId: string, attachmentId: string): HttpException {
  return new HttpException(
    { type: problemType('attachment-erased'), title: 'Attachment erased', status: 410, detail: `The content of attachment ${attachmentId} of submission ${submissionId} was erased after its retention period.` } satisfies ProblemDetails,
    HttpStatus.GONE,
  );
}

/** 503: the route could not be started; nothing was stored, the portal sends the same submission again. */
export function routeNotStarted(submissionId: string, reason: string): HttpException {
  return new HttpException(
    {
      type: problemType('route-not-started'),
      title: 'Route not started',
      status: 503,
      detail: `Submission ${submissionId} is valid, but its route could not be started (${reason}); nothing was stored. Send it again later.`,
    } satisfies ProblemDetails,
    HttpStatus.SERVICE_UNAVAILABLE,
  );
}

/** 413: a part is over its limit. */
export function partTooLarge(part: string, limit: number): HttpException {
  return new HttpException(
    { type: problemType('payload-too-large'), title: 'Payload too large', status: 413, detail: `The part '${part}' is larger than ${Math.round(limit / 1024 / 1024)} MiB.` } satisfies ProblemDetails,
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}
