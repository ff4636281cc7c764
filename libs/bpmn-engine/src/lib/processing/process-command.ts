import { Behaviors } from '../behaviors/behaviors';
import type { CommandOf, EngineCommand, EngineCommandType } from '../commands/engine-command';
import { event, type EngineEvent } from '../events/engine-event';
import type { EnginePorts } from '../ports';
import { processors } from '../processors/processor-registry';
import type { EngineState, ReadonlyEngineState } from '../state/engine-state';
import type { CommandHandler, CommandHandlerTable } from './handlers/command-handler';
import { eventHandlers } from './handlers/event.handlers';
import { instanceHandlers } from './handlers/instance.handlers';
import { migrationHandlers } from './handlers/migration.handler';
import { workHandlers } from './handlers/work.handlers';
import { Processing } from './processing';
import { runStep } from './step-runner';

export type CommandResult =
  | { readonly rejected: false; readonly events: readonly EngineEvent[]; readonly state: EngineState }
  | { readonly rejected: true; readonly reason: string; readonly events: readonly []; readonly state: ReadonlyEngineState };

const handlers: CommandHandlerTable<EngineCommandType> = { ...instanceHandlers, ...workHandlers, ...eventHandlers, ...migrationHandlers };

/** Bounds re-evaluating conditional events, which may trigger each other. */
const MAX_CONDITION_ROUNDS = 100;

/**
 * The engine: `(state, command, ports) -> events`. Runs the command and every step it causes
 * up to the next wait states. The input state is never changed; the returned state equals
 * `replayEvents(events, state)`. Deterministic for the same state, command and ports.
 */
export function processCommand(state: ReadonlyEngineState, command: EngineCommand, ports: EnginePorts): CommandResult {
  const processing = new Processing(state, ports);
  const behaviors = new Behaviors(processing, processors);
  const handler = handlers[command.type] as CommandHandler<EngineCommandType>;
  const rejection = handler(command as CommandOf<EngineCommandType>, behaviors);
  if (rejection) return { rejected: true, reason: rejection.reason, events: [], state };
  drain(behaviors);
  for (let round = 0; round < MAX_CONDITION_ROUNDS && evaluateConditions(behaviors); round++) drain(behaviors);
  return { rejected: false, events: processing.events, state: processing.result() };
}

function drain(behaviors: Behaviors): void {
  for (let step = behaviors.processing.nextStep(); step; step = behaviors.processing.nextStep()) runStep(step, behaviors);
}

/** Conditional events fire when their condition becomes true. Returns whether anything fired. */
function evaluateConditions(behaviors: Behaviors): boolean {
  const { processing } = behaviors;
  let fired = false;
  for (const subscription of Object.values(processing.state.conditionalSubscriptions)) {
    if (!processing.state.conditionalSubscriptions[subscription.key]) continue;
    const owner = processing.instance(subscription.elementInstanceKey);
    if (!owner || owner.state !== 'activated') continue;
    const catching = processing.element({ processDefinitionKey: owner.processDefinitionKey, elementId: subscription.elementId });
    if (catching.eventDefinition?.kind !== 'conditional') continue;
    const result = behaviors.expressions.boolean(catching.eventDefinition.condition, owner.key);
    const value = result.ok && result.value;
    if (value === subscription.lastResult) continue;
    processing.emit(event('ConditionalSubscriptionEvaluated', { key: subscription.key, result: value }));
    if (value) fired = behaviors.triggers.trigger(owner.key, subscription.elementId, subscription.interrupting, {}) || fired;
  }
  return fired;
}
