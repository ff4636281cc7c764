import { ApiClient } from '../core/api-client';
import type { DemoUser } from '../core/api-types';
import { h, clear } from '../core/dom';
import { explainProblem } from '../core/api-problem';
import { Feedback } from '../core/feedback';
import { saveToken, type SignInNotice, signOut } from '../core/session';
import { completeOidcSignIn, endOidcSession, type SignInSettings, SignInFailed, startOidcSignIn } from './oidc-sign-in';

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

const NOTICES: Record<SignInNotice, string> = {
  expired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'signed-out': 'Sie haben sich abgemeldet.',
};

/**
 * The sign-in page, as `GET /api/v1/sign-in` says: the development issuer's user picker (local
 * mode), or a button that leaves for the municipality's identity provider (OpenID Connect). Without
 * the web app's client at the provider, it names the variable the operators must set. `notice`
 * says why the page shows (expired, signed out) or, as a SignInFailed, why a sign-in failed.
 */
export async function renderSignIn(root: HTMLElement, onSignedIn: () => void, notice?: SignInNotice | SignInFailed | null): Promise<void> {
  const api = new ApiClient(() => null, () => undefined);
  const feedback = new Feedback();
  const intro = h('p', {});
  const body = h('div', {});
  clear(root, h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' }, h('h1', { id: 'sign-in-title' }, 'Anmelden bei Laufweg'), noticeOf(notice), intro, feedback.element, body));
  const settings = await feedback.run('Anmeldung wird vorbereitet …', () => api.get<SignInSettings>('/api/v1/sign-in'));
  if (!settings) return;
  switch (settings.mode) {
    case 'local':
      intro.textContent = 'Lokaler Betrieb: Wählen Sie eine Demo-Person. Jede Person hat eine Rolle in der Demo-Kommune Musterstadt.';
      await renderUserPicker(body, api, feedback, settings.devIssuer, onSignedIn);
      return;
    case 'oidc': {
      const { clientId } = settings;
      if (clientId === null) {
        intro.textContent = 'Die Anmeldung über den Identitätsanbieter der Kommune ist für die Web-App noch nicht eingerichtet.';
        clear(
          body,
          h('p', {}, 'Bitte wenden Sie sich an den Betrieb: Beim Identitätsanbieter ', h('code', {}, settings.issuer), ' wird ein öffentlicher Client für die Web-App gebraucht, und dessen Client-ID gehört in die Einstellung ', h('code', {}, 'OIDC_WEB_CLIENT_ID'), ' der Engine (siehe README, „Sign-in“).'),
          settings.detail ? h('details', {}, h('summary', {}, 'Details'), h('code', {}, settings.detail)) : null,
        );
        return;
      }
      intro.textContent = `Sie melden sich mit Ihrem Dienstkonto beim Identitätsanbieter ${hostOf(settings.issuer)} an und kommen danach hierher zurück.`;
      const client = { ...settings, clientId };
      const signIn = async (): Promise<void> => {
        await feedback.run('Weiterleitung zum Identitätsanbieter …', () => startOidcSignIn(client));
      };
      clear(body, h('button', { type: 'button', class: 'primary', 'data-sign-in': 'oidc', onclick: () => void signIn() }, 'Anmelden'));
      return;
    }
  }
}

/** Finishes a sign-in at the identity provider's callback; answers why it failed, or null. */
export async function finishSignIn(url: string): Promise<SignInFailed | null> {
  const api = new ApiClient(() => null, () => undefined);
  try {
    const settings = await api.get<SignInSettings>('/api/v1/sign-in');
    if (settings.mode !== 'oidc' || settings.clientId === null) throw new SignInFailed('Die Anmeldung über den Identitätsanbieter ist nicht (mehr) eingerichtet. Bitte melden Sie sich erneut an.');
    await completeOidcSignIn({ ...settings, clientId: settings.clientId }, url);
    return null;
  } catch (error) {
    return error instanceof SignInFailed ? error : new SignInFailed(explainProblem(error), error instanceof Error ? error.message : String(error));
  }
}

/**
 * Signs the tab out; at the identity provider too, when the web app signed in there and the
 * provider offers it (the browser then leaves for its sign-out page and comes back). Answers
 * whether the browser is leaving.
 */
export async function signOutEverywhere(): Promise<boolean> {
  const api = new ApiClient(() => null, () => undefined);
  const settings = await api.get<SignInSettings>('/api/v1/sign-in').catch(() => null);
  const forget = (): void => signOut('signed-out');
  if (settings?.mode !== 'oidc' || settings.clientId === null) {
    forget();
    return false;
  }
  return endOidcSession({ ...settings, clientId: settings.clientId }, forget).catch(() => {
    forget();
    return false;
  });
}

async function renderUserPicker(body: HTMLElement, api: ApiClient, feedback: Feedback, devIssuer: string, onSignedIn: () => void): Promise<void> {
  const list = h('ul', { class: 'user-picker' });
  clear(body, list);
  const users = await feedback.run('Demo-Personen werden geladen …', () => api.get<DemoUser[]>(`${devIssuer}/users`));
  if (!users) return;
  for (const user of users.filter((entry) => entry.role !== 'intake' && entry.role !== 'worker')) {
    const signIn = async (): Promise<void> => {
      const token = await feedback.run(`Anmeldung als ${user.displayName} …`, () => api.post<{ access_token: string }>(`${devIssuer}/token`, { username: user.username }));
      if (!token) return;
      saveToken(token.access_token);
      onSignedIn();
    };
    list.append(
      h('li', {}, h('button', { type: 'button', class: 'user-card', 'data-user': user.username, onclick: () => void signIn() }, h('strong', {}, user.displayName), h('span', { class: 'badge' }, roleName(user.role)), h('span', { class: 'muted' }, user.description))),
    );
  }
}

function noticeOf(notice: SignInNotice | SignInFailed | null | undefined): HTMLElement | null {
  if (!notice) return null;
  if (notice instanceof SignInFailed) {
    return h('div', { class: 'feedback error', role: 'alert' }, h('p', {}, notice.message), notice.detail ? h('details', {}, h('summary', {}, 'Details'), h('code', {}, notice.detail)) : null);
  }
  return h('div', { class: notice === 'expired' ? 'feedback error' : 'feedback success', role: 'status' }, NOTICES[notice]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
