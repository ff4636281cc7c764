import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { appendAuditEntry, runInAuditContext, SYSTEM_CHAIN, type AuditContext } from '@laufweg/persistence';
import type { Response } from 'express';
import { Pool } from 'pg';
import { mergeMap, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth';
import { AUDIT_WHEN_KEY, type AuditPredicate } from './audit-when.decorator';
import { ANONYMOUS_ACTOR, requestAuditEntry } from './request-audit-entry';
import { requestIdOf } from './request-id';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global interceptor (APP_INTERCEPTOR) of the audit log. Every request runs in an audit context
 * (caller, roles, request id), so the engine events its commands append record who caused them,
 * in the same transaction. After a state-changing request (POST, PUT, PATCH, DELETE) succeeded,
 * it appends the request's own entry to the chain of the tenant the route names (`:tenantId`),
 * or to the `_system` chain, before the response is sent. Refused and failed requests change
 * nothing and get no entry, nor do requests whose `@AuditWhen` predicate says they changed nothing.
 *
 * If that append fails, the change has already been committed: the failure is logged with the
 * request id and the response still succeeds (the engine events of the change carry its actor
 * and request id anyway); answering an error would make clients repeat a change that happened.
 */
@Injectable()
export class AuditRequestInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditRequestInterceptor.name);

  constructor(
    private readonly pool: Pool,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const audit: AuditContext = { actor: request.caller?.subject ?? ANONYMOUS_ACTOR, roles: [...(request.caller?.roles ?? [])], requestId: requestIdOf(request, response) };
    // The handler runs (and awaits its commands) inside the context the command store reads.
    const handled = new Observable<unknown>((subscriber) => runInAuditContext(audit, () => next.handle().subscribe(subscriber)));
    if (!STATE_CHANGING.has(request.method)) return handled;
    const when = this.reflector.get<AuditPredicate | undefined>(AUDIT_WHEN_KEY, context.getHandler());
    return handled.pipe(
      mergeMap(async (value: unknown) => {
        if (!when || when(value)) await this.record(request, audit);
        return value;
      }),
    );
  }

  private async record(request: AuthenticatedRequest, audit: AuditContext): Promise<void> {
    const route = (request.route as { path?: unknown } | undefined)?.path;
    const params = request.params as Record<string, string>;
    const entry = requestAuditEntry({ method: request.method, route: typeof route === 'string' ? route : request.path, params, ...audit, at: new Date() });
    try {
      await appendAuditEntry(this.pool, params['tenantId'] ?? SYSTEM_CHAIN, entry);
    } catch (error) {
      this.logger.error(`The audit entry of request ${audit.requestId} (${entry.action}) could not be appended: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
