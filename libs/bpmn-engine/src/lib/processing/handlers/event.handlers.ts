import type { Behaviors } from '../../behaviors/behaviors';
import { nextDueDate } from '../../behaviors/timer-schedule';
import { event } from '../../events/engine-event';
import type { TimerRecord } from '../../state/engine-state';
import { reject, type CommandHandlerTable } from './command-handler';

type EventCommands = 'CorrelateMessage' | 'ExpireMessage' | 'BroadcastSignal' | 'TriggerTimer';

export const eventHandlers: CommandHandlerTable<EventCommands> = {
  CorrelateMessage(command, behaviors) {
    const { processing } = behaviors;
    const correlationKey = command.correlationKey ?? '';
    const variables = command.variables ?? {};
    const correlated = behaviors.throws.correlateMessage(command.name, correlationKey, variables);
    const ttl = command.timeToLiveMs ?? 0;
    processing.emit(
      event('MessagePublished', {
        message: {
          key: processing.newKey(),
          name: command.name,
          correlationKey,
          variables,
          expiresAt: processing.now() + ttl,
          ...(command.messageId ? { messageId: command.messageId } : {}),
        },
        buffered: correlated === 0 && ttl > 0,
      }),
    );
    return undefined;
  },
  ExpireMessage(command, behaviors) {
    if (!behaviors.processing.state.messages[command.messageKey]) return reject(`No buffered message ${command.messageKey}.`);
    behaviors.processing.emit(event('MessageExpired', { key: command.messageKey }));
    return undefined;
  },
  BroadcastSignal(command, behaviors) {
    behaviors.throws.broadcastSignal(command.name, command.variables ?? {});
    return undefined;
  },
  TriggerTimer(command, behaviors) {
    const { processing } = behaviors;
    const timer = processing.state.timers[command.timerKey];
    if (!timer) return reject(`No timer ${command.timerKey}.`);
    processing.emit(event('TimerTriggered', { key: timer.key }));
    if (timer.elementInstanceKey === null) {
      reschedule(timer, behaviors);
      behaviors.instances.startAt(timer.processDefinitionKey, timer.elementId, {});
      return undefined;
    }
    const owner = processing.instance(timer.elementInstanceKey);
    if (!owner) return undefined;
    const catching = processing.element({ processDefinitionKey: owner.processDefinitionKey, elementId: timer.elementId });
    const interrupting = catching.id === owner.elementId || (catching.interrupting ?? true);
    if (!interrupting) reschedule(timer, behaviors);
    behaviors.triggers.trigger(owner.key, timer.elementId, interrupting, {});
    return undefined;
  },
};

/** Cycles: the next firing, while repetitions remain. */
function reschedule(timer: Readonly<TimerRecord>, behaviors: Behaviors): void {
  if (timer.repetitions === 1 || !timer.cycle) return;
  const dueDate = nextDueDate(timer.cycle, timer.dueDate, behaviors.processing.ports.calendar);
  if (dueDate === undefined) return;
  behaviors.processing.emit(
    event('TimerCreated', {
      timer: { ...timer, key: behaviors.processing.newKey(), dueDate, repetitions: timer.repetitions === -1 ? -1 : timer.repetitions - 1 },
    }),
  );
}
