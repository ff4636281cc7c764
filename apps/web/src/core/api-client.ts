import { ApiProblem } from './api-problem';
import type { ProblemDetails } from './api-types';

type Query = Record<string, string | number | boolean | undefined | readonly string[]>;

/** Calls the public REST API with the session's bearer token; error answers throw ApiProblem. */
export class ApiClient {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void,
  ) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  getText(path: string): Promise<string> {
    return this.request<string>('GET', path, undefined, 'text');
  }

  /** A binary download (attachments, documents) with the bearer token, as a blob URL to open. */
  async blobUrl(path: string): Promise<string> {
    const token = this.token();
    let response: Response;
    try {
      response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (error) {
      throw new ApiProblem(0, { title: 'Network error', detail: error instanceof Error ? error.message : String(error) });
    }
    if (!response.ok) throw new ApiProblem(response.status, (await response.json().catch(() => ({ title: response.statusText }))) as ProblemDetails);
    return URL.createObjectURL(await response.blob());
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown, as: 'json' | 'text' = 'json'): Promise<T> {
    const headers: Record<string, string> = { accept: as === 'json' ? 'application/json, application/problem+json' : '*/*' };
    const token = this.token();
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      throw new ApiProblem(0, { title: 'Network error', detail: error instanceof Error ? error.message : String(error) });
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ title: response.statusText })) as ProblemDetails;
      if (response.status === 401) this.onUnauthorized();
      throw new ApiProblem(response.status, problem);
    }
    if (response.status === 204) return undefined as T;
    return (as === 'text' ? await response.text() : await response.json()) as T;
  }
}

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const entry of value as readonly string[]) params.append(name, entry);
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
