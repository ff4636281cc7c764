import type { EngineState } from '../../state/engine-state';
import type { EngineEventType, EventOf } from '../engine-event';

/** Changes the state for one event type. The only code that writes state. */
export type Applier<T extends EngineEventType> = (state: EngineState, event: EventOf<T>) => void;

export type ApplierTable<T extends EngineEventType> = { readonly [K in T]: Applier<K> };

/** A bug, never an expected failure: an event that does not fit the state. */
export class InconsistentStateError extends Error {}

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new InconsistentStateError(`Unknown ${what}.`);
  return value;
}
