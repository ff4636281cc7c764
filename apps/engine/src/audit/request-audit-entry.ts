import type { AuditEntryDraft } from '@laufweg/persistence';
import { formatRoles } from '@laufweg/persistence';

/** The actor of a request without a caller (a public route). */
export const ANONYMOUS_ACTOR = 'anonymous';

export interface AuditedRequest {
  readonly method: string;
  /** The route pattern (`/api/v1/tenants/:tenantId/process-instances/:key/legal-hold`), not the URL. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly actor: string;
  readonly roles: Iterable<string>;
  readonly requestId: string;
  readonly at: Date;
}

/**
 * The audit entry of a state-changing request: who, with which roles, `<METHOD> <route pattern>`,
 * the record the route names as target, the request id, and the route parameters as details.
 * Never the body: it may hold personal data, which the audit log must not keep.
 */
export function requestAuditEntry(request: AuditedRequest): AuditEntryDraft {
  const target = targetOf(request.route, request.params);
  return {
    at: request.at,
    actor: request.actor,
    role: formatRoles(request.roles),
    action: `${request.method} ${request.route}`,
    targetKind: target.kind,
    targetKey: target.key,
    requestId: request.requestId,
    details: { params: { ...request.params } },
  };
}

/**
 * The record a route acts on: the last `<collection>/:param` pair names kind and key
 * (`process-instances/:key` -> process-instance 123); a collection after it with no key
 * (`tenants/:tenantId/deployments`) names the kind only.
 */
export function targetOf(route: string, params: Readonly<Record<string, string>>): { kind: string | null; key: string | null } {
  const segments = route.split('/').filter((segment) => segment !== '');
  let kind: string | null = null;
  let key: string | null = null;
  for (const [index, segment] of segments.entries()) {
    if (segment.startsWith(':')) continue;
    const next = segments[index + 1];
    if (next?.startsWith(':')) {
      kind = singular(segment);
      key = params[next.slice(1)] ?? null;
    } else if (segment.endsWith('s')) {
      kind = singular(segment);
      key = null;
    }
  }
  return { kind, key };
}

function singular(collection: string): string {
  return collection.endsWith('s') ? collection.slice(0, -1) : collection;
}
