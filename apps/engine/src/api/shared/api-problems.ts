import { ConflictException, ForbiddenException, HttpException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { type ProblemDetails, problemType } from '../../problem/problem-details';

type ProblemEntry = NonNullable<ProblemDetails['errors']>[number];

/** The records the API names by key; each has its own stable 404 type (`<kind>-not-found`). */
export type RecordKind = 'process-instance' | 'process-definition' | 'deployment' | 'user-task' | 'incident';

const TITLES: Readonly<Record<RecordKind, string>> = {
  'process-instance': 'Process instance',
  'process-definition': 'Process definition',
  deployment: 'Deployment',
  'user-task': 'User task',
  incident: 'Incident',
};

/** 404: the record does not exist in this tenant (another tenant's key answers the same). */
export function recordNotFound(kind: RecordKind, key: string): NotFoundException {
  return new NotFoundException({
    type: problemType(`${kind}-not-found`),
    title: `${TITLES[kind]} not found`,
    status: 404,
    detail: `${TITLES[kind]} ${key} does not exist in this tenant.`,
  } satisfies ProblemDetails);
}

/** 409 `command-rejected`: the engine refused the command in the instance's current state; nothing changed. */
export function commandRejected(reason: string, elementId?: string): ConflictException {
  return new ConflictException({
    type: problemType('command-rejected'),
    title: 'Command rejected',
    status: 409,
    detail: reason,
    ...(elementId ? { elementId } : {}),
  } satisfies ProblemDetails);
}

/** A problem with its own slug and status, for the rules of one feature (four-eyes, not claimed, ...). */
export function problem(status: 403 | 409 | 422, slug: string, title: string, detail: string, extra: { elementId?: string; errors?: ProblemEntry[] } = {}): HttpException {
  const body: ProblemDetails = { type: problemType(slug), title, status, detail, ...extra };
  if (status === 403) return new ForbiddenException(body);
  if (status === 409) return new ConflictException(body);
  return new UnprocessableEntityException(body);
}

/** 422 listing every problem (rule, element id, message); the request changed nothing. */
export function unprocessable(slug: string, title: string, detail: string, errors: readonly ProblemEntry[]): HttpException {
  return problem(422, slug, title, detail, { errors: [...errors] });
}

/** OpenAPI example of a problem body, for `@Api...Response({ schema })`. */
export function problemExample(slug: string, title: string, status: number, detail: string, extra: Partial<ProblemDetails> = {}): { example: ProblemDetails } {
  return { example: { type: problemType(slug), title, status, detail, ...extra } };
}
