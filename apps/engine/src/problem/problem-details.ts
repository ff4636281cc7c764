/** RFC 9457 problem details, the body of every error the API answers. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** The BPMN element the problem is about, where there is one. */
  readonly elementId?: string;
  /** Field-level problems, e.g. of a request body. */
  readonly errors?: readonly { readonly field?: string; readonly elementId?: string; readonly rule?: string; readonly message: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem type URIs; clients branch on these, never on titles. */
export function problemType(slug: string): string {
  return `urn:laufweg:problem:${slug}`;
}
