import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details';

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

/**
 * Answers every error as `application/problem+json`. An exception may carry a ready
 * ProblemDetails as its response; otherwise one is derived from the HTTP status. Unexpected
 * errors are logged and answered with a generic 500 that leaks nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request.originalUrl);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (!(exception instanceof HttpException)) {
      const clientError = asClientError(exception);
      if (clientError) return this.toProblem(new HttpException(clientError.message, clientError.status), instance);
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
      return { type: problemType('internal'), title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred; it has been logged.', instance };
    }
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (isProblem(body)) return { ...body, instance: body.instance ?? instance };
    const message = typeof body === 'object' && body !== null && 'message' in body ? (body as { message: unknown }).message : exception.message;
    const messages = Array.isArray(message) ? message.map(String) : [String(message)];
    return {
      type: problemType(SLUGS[status] ?? 'http-error'),
      title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error',
      status,
      detail: messages.join('; '),
      instance,
      ...(messages.length > 1 ? { errors: messages.map((text) => ({ message: text })) } : {}),
    };
  }
}

/**
 * Errors Express middleware raises for a bad request before any handler runs (body-parser: body
 * over the limit, unsupported charset, ...) are http-errors with a 4xx `status` marked `expose`:
 * the client's mistake, answered with that status.
 */
function asClientError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? { status, message: error.message } : undefined;
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && 'type' in body && 'status' in body && 'title' in body;
}
