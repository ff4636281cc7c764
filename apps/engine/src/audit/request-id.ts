import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The response header that names the request, for support and for finding its audit entries. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * pino-http's `genReqId`: a fresh UUID per request, answered as `X-Request-Id` on every response
 * (also on errors the guard raises before any handler runs). An id a client sends is not taken
 * over: the audit log must not carry ids a caller chose.
 */
export function generateRequestId(_request: IncomingMessage, response: ServerResponse): string {
  const id = randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The request's id: the one pino-http set, otherwise a new one (then set on the request and the response). */
export function requestIdOf(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string' || typeof request.id === 'number') return String(request.id);
  const id = generateRequestId(request, response);
  request.id = id;
  return id;
}
