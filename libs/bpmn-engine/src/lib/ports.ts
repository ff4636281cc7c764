import type { BusinessCalendar } from './calendar/business-calendar';
import type { ExecutableDecisions, ExecutableProcess } from '@laufweg/bpmn-model';

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

/**
 * Compiled DMN decisions, scoped to the deployment a process came with: a business rule task
 * (`zeebe:calledDecision`) sees the decisions deployed together with its process, never those
 * of another deployment or tenant. The runtime compiles each deployment's DMN documents once
 * (`loadDecisions`) and caches the set, as it does for models.
 */
export interface DecisionRepository {
  /**
   * The decision set deployed with the process `processDefinitionKey` if it contains
   * `decisionId` (required decisions are looked up in the same set), else undefined.
   */
  get(decisionId: string, processDefinitionKey: string): ExecutableDecisions | undefined;
}

/** Everything the pure engine needs from the outside world. */
export interface EnginePorts {
  readonly clock: Clock;
  readonly keys: KeyGenerator;
  readonly models: ModelRepository;
  /** The municipality's time zone and working days; default Europe/Berlin, weekends only. */
  readonly calendar?: BusinessCalendar;
  /** Decisions for business rule tasks; without it a called decision raises an incident. */
  readonly decisions?: DecisionRepository;
}
