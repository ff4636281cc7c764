import { ApiClient } from '../core/api-client';
import type { DemoUser } from '../core/api-types';
import { h, clear } from '../core/dom';
import { Feedback } from '../core/feedback';
import { saveToken } from '../core/session';

const ROLE_NAMES: Record<string, string> = {
  designer: 'Prozessgestaltung',
  caseworker: 'Sachbearbeitung',
  team: 'OZG-Team',
  admin: 'Administration',
  intake: 'Antragsportal',
  worker: 'Job-Worker',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

/**
 * Sign-in through the development issuer's user picker (local mode). Without it (production
 * mode) the engine publishes no sign-in configuration to the browser yet, so the page says so.
 */
export async function renderSignIn(root: HTMLElement, onSignedIn: () => void): Promise<void> {
  const api = new ApiClient(() => null, () => undefined);
  const feedback = new Feedback();
  const list = h('ul', { class: 'user-picker' });
  clear(root, h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' }, h('h1', { id: 'sign-in-title' }, 'Anmelden bei Laufweg'), h('p', {}, 'Lokaler Betrieb: Wählen Sie eine Demo-Person. Jede Person hat eine Rolle in der Demo-Kommune Musterstadt.'), feedback.element, list));
  const users = await feedback.run('Demo-Personen werden geladen …', () => api.get<DemoUser[]>('/dev-auth/users'));
  if (!users) {
    clear(feedback.element, h('p', {}, 'Der Entwicklungs-Anmeldedienst ist nicht aktiv (Produktivbetrieb). Die Anmeldung über den Identitätsanbieter der Kommune ist in der Web-App noch nicht eingerichtet – bitte die API mit einem Token des Identitätsanbieters nutzen.'));
    return;
  }
  for (const user of users.filter((entry) => entry.role !== 'intake' && entry.role !== 'worker')) {
    const signIn = async (): Promise<void> => {
      const token = await feedback.run(`Anmeldung als ${user.displayName} …`, () => api.post<{ access_token: string }>('/dev-auth/token', { username: user.username }));
      if (!token) return;
      saveToken(token.access_token);
      onSignedIn();
    };
    list.append(
      h('li', {}, h('button', { type: 'button', class: 'user-card', 'data-user': user.username, onclick: () => void signIn() }, h('strong', {}, user.displayName), h('span', { class: 'badge' }, roleName(user.role)), h('span', { class: 'muted' }, user.description))),
    );
  }
}
