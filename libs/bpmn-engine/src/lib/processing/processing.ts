import type { ExecutableElement, ExecutableProcess } from '@laufweg/bpmn-model';
import { applyEvent } from '../events/apply-event';
import type { EngineEvent } from '../events/engine-event';
import type { EnginePorts } from '../ports';
import type { ElementInstanceRecord, EngineState, ReadonlyEngineState } from '../state/engine-state';

/** A lifecycle step queued while a command runs to its wait states (FIFO, so deterministic). */
export type Step = { readonly kind: 'activate' | 'complete' | 'terminate'; readonly key: string; readonly retry?: boolean };

/** Guards against models that loop forever without a wait state. */
const MAX_STEPS = 100_000;

export class EngineLimitError extends Error {}

/**
 * The state of one command being processed: a private draft of the engine state, the events
 * emitted so far (each applied to the draft at once, so later steps see its effect) and the
 * queue of lifecycle steps. Processors and behaviors read `state`; only `emit` writes.
 */
export class Processing {
  readonly events: EngineEvent[] = [];
  private readonly draft: EngineState;
  private readonly steps: Step[] = [];
  private stepCount = 0;

  constructor(
    state: ReadonlyEngineState,
    readonly ports: EnginePorts,
  ) {
    this.draft = structuredClone(state) as EngineState;
  }

  get state(): ReadonlyEngineState {
    return this.draft;
  }

  /** The resulting state; only for the command entry point. */
  result(): EngineState {
    return this.draft;
  }

  emit(event: EngineEvent): void {
    applyEvent(this.draft, event);
    this.events.push(event);
  }

  schedule(step: Step): void {
    this.steps.push(step);
  }

  nextStep(): Step | undefined {
    if (++this.stepCount > MAX_STEPS) throw new EngineLimitError('A command ran more than 100000 steps: a loop without wait state?');
    return this.steps.shift();
  }

  now(): number {
    return this.ports.clock.now();
  }

  newKey(): string {
    return this.ports.keys.next();
  }

  instance(key: string | null | undefined): Readonly<ElementInstanceRecord> | undefined {
    return key ? (this.draft.elementInstances[key] as Readonly<ElementInstanceRecord> | undefined) : undefined;
  }

  model(processDefinitionKey: string): ExecutableProcess {
    const model = this.ports.models.get(processDefinitionKey);
    if (!model) throw new Error(`The model ${processDefinitionKey} is not in the model repository.`);
    return model;
  }

  element(instance: Pick<ElementInstanceRecord, 'processDefinitionKey' | 'elementId'>): ExecutableElement {
    const model = this.model(instance.processDefinitionKey);
    const element = model.elements[instance.elementId];
    if (!element) throw new Error(`Element ${instance.elementId} is not in process ${model.id}.`);
    return element;
  }

  /** Direct children of a scope, in key order (keys are created in order). */
  childrenOf(scopeKey: string): Readonly<ElementInstanceRecord>[] {
    return Object.values(this.draft.elementInstances).filter((instance) => instance.flowScopeKey === scopeKey);
  }

  /** The instance, its flow scope, that scope's flow scope ... up to the process instance. */
  scopeChain(key: string): Readonly<ElementInstanceRecord>[] {
    const chain: Readonly<ElementInstanceRecord>[] = [];
    let current = this.instance(key);
    while (current) {
      chain.push(current);
      current = this.instance(current.flowScopeKey);
    }
    return chain;
  }

  /** Whether the instance is one iteration inside a multi-instance / loop body. */
  isInnerInstance(instance: Readonly<ElementInstanceRecord>): boolean {
    const scope = this.instance(instance.flowScopeKey);
    return scope?.elementType === 'multiInstanceBody' && scope.elementId === instance.elementId;
  }
}
