import type { BusinessCalendar } from './calendar/business-calendar';
import type { ExecutableProcess } from '@laufweg/bpmn-model';

/** The engine's only source of time. Epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** The engine's only source of identity: unique, never reused keys. */
export interface KeyGenerator {
  next(): string;
}

/** Compiled processes by deployment key (the runtime stores the XML and compiles it once). */
export interface ModelRepository {
  get(processDefinitionKey: string): ExecutableProcess | undefined;
}

/** Everything the pure engine needs from the outside world. */
export interface EnginePorts {
  readonly clock: Clock;
  readonly keys: KeyGenerator;
  readonly models: ModelRepository;
  /** The municipality's time zone and working days; default Europe/Berlin, weekends only. */
  readonly calendar?: BusinessCalendar;
}
