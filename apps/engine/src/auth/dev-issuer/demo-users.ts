import type { Role } from '../caller';

/** A demo user of the development issuer; names and descriptions are shown in the web app's user picker. */
export interface DemoUser {
  /** The token's `sub` and `preferred_username`. */
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly description: string;
  /** Groups in the demo tenant (candidate groups of user tasks). */
  readonly groups: readonly string[];
}

/** The demo municipality every demo user belongs to (Land Sachsen: its holidays count for working-day timers). */
export const DEMO_TENANT = { id: 'musterstadt', name: 'Musterstadt', land: 'SN' } as const;

const CASE_GROUPS = ['standesamt', 'buergeramt', 'ordnungsamt'] as const;

/** One user per role at least; two caseworkers, so the four-eyes rule can be tried. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'dana.designer', displayName: 'Dana Dietrich', role: 'designer', description: 'Prozessgestaltung: modelliert, testet und veröffentlicht Laufwege', groups: [] },
  { username: 'carla.sachbearbeitung', displayName: 'Carla Krause', role: 'caseworker', description: 'Sachbearbeitung im Standes-, Bürger- und Ordnungsamt', groups: CASE_GROUPS },
  { username: 'carl.sachbearbeitung', displayName: 'Carl Becker', role: 'caseworker', description: 'Sachbearbeitung im Standes-, Bürger- und Ordnungsamt (zweite Person für das Vier-Augen-Prinzip)', groups: CASE_GROUPS },
  { username: 'tom.team', displayName: 'Tom Hartmann', role: 'team', description: 'OZG-Projektteam: sieht alle Vorgänge, Szenarien und Störungen', groups: ['ozg-team'] },
  { username: 'ada.admin', displayName: 'Ada Albrecht', role: 'admin', description: 'Administration: Mandanten, Aufbewahrungsfristen und Mitgliedschaften', groups: [] },
  { username: 'ina.intake', displayName: 'Antragsportal (Ina Imhof)', role: 'intake', description: 'Antragsportal des Landes: reicht Anträge ein (Maschinenkonto)', groups: [] },
  { username: 'wim.worker', displayName: 'Job-Worker (Wim Weber)', role: 'worker', description: 'Externer Job-Worker, z. B. ein Connector zum Fachverfahren (Maschinenkonto)', groups: [] },
];

export const DEMO_USERNAMES: readonly string[] = DEMO_USERS.map((user) => user.username);

export function findDemoUser(username: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.username === username);
}
