import type { ApiClient } from './api-client';
import type { Session } from './session';

/** What every page gets: the API, who is signed in, and the tenant (municipality) in use. */
export interface AppContext {
  readonly api: ApiClient;
  readonly session: Session;
  readonly tenantId: string;
  /** `/api/v1/tenants/<tenant>` + path. */
  tenantPath(path: string): string;
  navigate(hash: string): void;
}

/** A page renders into its container and may return a cleanup for when the user leaves it. */
export type Page = (root: HTMLElement, context: AppContext, params: Record<string, string>) => void | (() => void) | Promise<void | (() => void)>;
