import type { JsonObject } from '@laufweg/bpmn-model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type RouteId = 'A' | 'B' | 'C';

/** One benchmark route: our Zeebe-dialect fixture and the plain-BPMN twin bpmn-engine runs. */
export interface BenchRoute {
  readonly id: RouteId;
  readonly description: string;
  readonly processId: string;
  /** Zeebe-dialect BPMN for the durable runtime. */
  readonly source: string;
  /** The same graph for bpmn-engine: service tasks call `environment.services.work`. */
  readonly peerSource: string;
  /** Variables an instance starts with; route B's decide its task's assignee and candidate groups. */
  variables(index: number): JsonObject;
}

const dir = join(__dirname, '..', 'routes');
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');

/** Caseworkers and groups of the user-task route: 1,000 people in 10 groups. */
export const USERS = 1000;
export const GROUPS = 10;

export const ROUTES: Readonly<Record<RouteId, BenchRoute>> = {
  A: {
    id: 'A',
    description: 'start -> 5 service tasks -> end',
    processId: 'bench-route-a',
    source: read('route-a.bpmn'),
    peerSource: read('peer/route-a.bpmn'),
    variables: (index) => ({ caseId: `A-${index}` }),
  },
  B: {
    id: 'B',
    description: 'start -> user task -> exclusive gateway -> end',
    processId: 'bench-route-b',
    source: read('route-b.bpmn'),
    peerSource: read('peer/route-b.bpmn'),
    variables: (index) => ({ caseId: `B-${index}`, assignee: `user-${index % USERS}`, candidateGroups: [`group-${index % GROUPS}`] }),
  },
  C: {
    id: 'C',
    description: '10-way parallel fork and join of service tasks',
    processId: 'bench-route-c',
    source: read('route-c.bpmn'),
    peerSource: read('peer/route-c.bpmn'),
    variables: (index) => ({ caseId: `C-${index}` }),
  },
};

export const ROUTE_IDS: readonly RouteId[] = ['A', 'B', 'C'];
