import type { RouteBundle } from '@laufweg/routes';
import type { DemoUser } from '../auth/dev-issuer/demo-users';

/**
 * Groups of the demo users in a tenant created for a route (local mode): each keeps its own
 * groups, and caseworkers and the team get the candidate groups the route's user tasks name, so
 * a new user sees the waiting tasks at once. Candidate groups given as FEEL are skipped.
 */
export function demoMemberships(users: readonly DemoUser[], bundles: readonly RouteBundle[]): { subject: string; groups: string[] }[] {
  const routeGroups = new Set<string>();
  for (const bundle of bundles) {
    for (const file of [bundle.bpmn, ...bundle.shared]) {
      for (const match of file.content.matchAll(/candidateGroups="([^"]*)"/g)) {
        if (match[1].trim().startsWith('=')) continue;
        for (const group of match[1].split(',').map((part) => part.trim()).filter(Boolean)) routeGroups.add(group);
      }
    }
  }
  return users.map((user) => ({
    subject: user.username,
    groups: [...new Set([...user.groups, ...(user.role === 'caseworker' || user.role === 'team' ? routeGroups : [])])].sort(),
  }));
}
