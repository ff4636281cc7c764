import type { EngineState } from '../state/engine-state';
import { createEmptyState } from '../state/engine-state';
import type { Applier } from './appliers/applier';
import { elementInstanceAppliers } from './appliers/element-instance.appliers';
import { migrationAppliers } from './appliers/migration.appliers';
import { subscriptionAppliers } from './appliers/subscription.appliers';
import { workAppliers } from './appliers/work.appliers';
import type { EngineEvent, EngineEventType } from './engine-event';

/** Exactly one applier per event type; the type checker enforces completeness. */
const appliers: { readonly [K in EngineEventType]: Applier<K> } = {
  ...elementInstanceAppliers,
  ...workAppliers,
  ...subscriptionAppliers,
  ...migrationAppliers,
};

/** Applies one event to a mutable state (in place). */
export function applyEvent(state: EngineState, event: EngineEvent): void {
  const applier = appliers[event.type] as Applier<EngineEventType>;
  applier(state, event);
}

/** Rebuilds a state from an event log: what replay and recovery do. */
export function replayEvents(events: readonly EngineEvent[], initial: EngineState = createEmptyState()): EngineState {
  const state = structuredClone(initial);
  for (const event of events) applyEvent(state, event);
  return state;
}
