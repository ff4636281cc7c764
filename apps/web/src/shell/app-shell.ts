import { ApiClient } from '../core/api-client';
import type { AppContext, Page } from '../core/app-context';
import type { Tenant } from '../core/api-types';
import { clear, h } from '../core/dom';
import { Feedback } from '../core/feedback';
import { loadSession, preferredTenant, rememberTenant, type Role, type Session, signOut, takeSignInNotice } from '../core/session';
import { isSignInCallback } from './oidc-sign-in';
import { finishSignIn, renderSignIn, roleName, signOutEverywhere } from './sign-in-page';

interface Route {
  readonly pattern: RegExp;
  readonly params: readonly string[];
  readonly roles: readonly Role[];
  readonly load: () => Promise<Page>;
}

// Pages load on demand: the task list does not wait for the modeler's code.
const ROUTES: readonly Route[] = [
  { pattern: /^\/aufgaben$/, params: [], roles: ['caseworker', 'team'], load: async () => (await import('../tasks/task-list-page')).renderTaskList },
  { pattern: /^\/aufgaben\/(\d+)$/, params: ['key'], roles: ['caseworker', 'team'], load: async () => (await import('../tasks/task-page')).renderTaskPage },
  { pattern: /^\/cockpit$/, params: [], roles: ['team'], load: async () => (await import('../cockpit/instance-search-page')).renderInstanceSearch },
  { pattern: /^\/cockpit\/(\d+)$/, params: ['key'], roles: ['team'], load: async () => (await import('../cockpit/instance-page')).renderInstancePage },
  { pattern: /^\/modeler$/, params: [], roles: ['designer', 'team'], load: async () => (await import('../modeler/modeler-page')).renderModelerPage },
  { pattern: /^\/test$/, params: [], roles: ['designer', 'team'], load: async () => (await import('../scenarios/scenario-page')).renderScenarioPage },
];

const NAV: readonly { hash: string; label: string; roles: readonly Role[] }[] = [
  { hash: '#/aufgaben', label: 'Aufgaben', roles: ['caseworker', 'team'] },
  { hash: '#/cockpit', label: 'Cockpit', roles: ['team'] },
  { hash: '#/modeler', label: 'Modellierung', roles: ['designer', 'team'] },
  { hash: '#/test', label: 'Test', roles: ['designer', 'team'] },
];

function allowed(session: Session, roles: readonly Role[]): boolean {
  return roles.some((role) => session.roles.has(role));
}

/**
 * Signs in if needed (finishing a sign-in at the identity provider when the browser comes back
 * from it), then shows the navigation for the caller's roles and the page of the URL hash.
 */
export async function startApp(root: HTMLElement, version: string): Promise<void> {
  if (isSignInCallback(location.href)) {
    const failed = await finishSignIn(location.href);
    // The code is used up: a reload must not try it again.
    history.replaceState(null, '', '/');
    if (failed) {
      await renderSignIn(root, () => void startApp(root, version), failed);
      return;
    }
  }
  const session = loadSession();
  if (!session) {
    await renderSignIn(root, () => void startApp(root, version), takeSignInNotice());
    return;
  }
  // The API refused the token (expired, or no longer valid): back to the sign-in page, saying so.
  const expired = (): void => {
    signOut('expired');
    location.hash = '';
    void startApp(root, version);
  };
  const leave = async (): Promise<void> => {
    if (await signOutEverywhere()) return;
    location.hash = '';
    await startApp(root, version);
  };
  const api = new ApiClient(() => session.token, expired);
  const feedback = new Feedback();
  clear(root, feedback.element);
  const tenants = await feedback.run('Kommunen werden geladen …', () => api.get<Tenant[]>('/api/v1/tenants'));
  if (!tenants) return;
  if (tenants.length === 0) {
    feedback.success('Sie gehören noch keiner Kommune an. Bitte lassen Sie sich von der Administration einer Kommune zuordnen.');
    return;
  }
  const tenantId = tenants.some((tenant) => tenant.id === preferredTenant()) ? (preferredTenant() as string) : tenants[0].id;

  const main = h('main', { id: 'content', tabIndex: -1 });
  const nav = h('nav', { 'aria-label': 'Hauptnavigation' }, h('ul', {}, NAV.filter((entry) => allowed(session, entry.roles)).map((entry) => h('li', {}, h('a', { href: entry.hash, 'data-nav': entry.hash }, entry.label)))));
  const tenantSelect = h(
    'select',
    { 'aria-label': 'Kommune', onchange: (event: Event) => { rememberTenant((event.target as HTMLSelectElement).value); void startApp(root, version); } },
    tenants.map((tenant) => h('option', { value: tenant.id, selected: tenant.id === tenantId }, tenant.name)),
  );
  const header = h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'skip-link', href: '#content', onclick: (event: Event) => { event.preventDefault(); main.focus(); } }, 'Zum Inhalt springen'),
    h('span', { class: 'brand' }, 'Laufweg'),
    nav,
    h('span', { class: 'spacer' }),
    tenantSelect,
    h('span', { class: 'who' }, `${session.name} · ${[...session.roles].map(roleName).join(', ')}`),
    h('button', { type: 'button', class: 'link', onclick: () => void leave() }, 'Abmelden'),
  );
  const footer = h('footer', { class: 'app-footer' }, `Laufweg ${version} · `, h('a', { href: '/api/docs' }, 'API-Dokumentation'));
  clear(root, header, main, footer);
  root.classList.add('app');

  const context: AppContext = {
    api,
    session,
    tenantId,
    tenantPath: (path) => `/api/v1/tenants/${encodeURIComponent(tenantId)}${path}`,
    navigate: (hash) => {
      location.hash = hash;
    },
  };
  let cleanup: (() => void) | void;
  let generation = 0;
  const show = async (): Promise<void> => {
    const current = ++generation;
    cleanup?.();
    cleanup = undefined;
    const path = location.hash.replace(/^#/, '') || defaultPath(session);
    const route = ROUTES.find((entry) => entry.pattern.test(path));
    for (const link of nav.querySelectorAll('a')) {
      if (path.startsWith(link.getAttribute('data-nav')?.slice(1) ?? '-')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const pageFeedback = new Feedback();
    clear(main, pageFeedback.element);
    if (!route) {
      location.hash = `#${defaultPath(session)}`;
      return;
    }
    if (!allowed(session, route.roles)) {
      pageFeedback.success(`Diese Ansicht ist für die Rollen ${route.roles.map(roleName).join(', ')}. Bitte wählen Sie einen Bereich oben in der Navigation.`);
      return;
    }
    const match = route.pattern.exec(path) ?? [];
    const params = Object.fromEntries(route.params.map((name, index) => [name, match[index + 1] ?? '']));
    const page = await pageFeedback.run('Ansicht wird geladen …', route.load);
    if (!page || current !== generation) return;
    clear(main);
    try {
      const result = await page(main, context, params);
      if (current === generation) cleanup = result ?? undefined;
      else result?.();
    } catch (error) {
      pageFeedback.error(error);
      main.prepend(pageFeedback.element);
    }
  };
  window.onhashchange = () => void show();
  await show();
}

function defaultPath(session: Session): string {
  if (session.roles.has('caseworker')) return '/aufgaben';
  if (session.roles.has('team')) return '/cockpit';
  if (session.roles.has('designer')) return '/modeler';
  return '/aufgaben';
}
