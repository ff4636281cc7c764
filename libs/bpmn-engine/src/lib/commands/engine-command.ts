import type { JsonObject } from '@laufweg/bpmn-model';

/**
 * Everything the engine accepts. One command runs to the next wait states and yields a list
 * of small events (or a rejection: a command that does not fit the state changes nothing).
 */
export type EngineCommand =
  | { readonly type: 'DeployProcess'; readonly processDefinitionKey: string }
  | {
      readonly type: 'CreateProcessInstance';
      readonly processId: string;
      readonly variables?: JsonObject;
      /** Start at this start event (or any element, like Zeebe start instructions). */
      readonly startElementId?: string;
    }
  | { readonly type: 'CancelProcessInstance'; readonly processInstanceKey: string }
  | {
      readonly type: 'ModifyProcessInstance';
      readonly processInstanceKey: string;
      readonly activate?: readonly { readonly elementId: string; readonly variables?: JsonObject }[];
      readonly terminate?: readonly string[];
    }
  | { readonly type: 'SetVariables'; readonly scopeKey: string; readonly variables: JsonObject; readonly local?: boolean }
  | { readonly type: 'CompleteJob'; readonly jobKey: string; readonly variables?: JsonObject }
  | {
      readonly type: 'FailJob';
      readonly jobKey: string;
      readonly retries: number;
      readonly errorMessage?: string;
      readonly retryBackoffMs?: number;
    }
  | {
      readonly type: 'ThrowJobError';
      readonly jobKey: string;
      readonly errorCode: string;
      readonly errorMessage?: string;
      readonly variables?: JsonObject;
    }
  | {
      readonly type: 'CompleteUserTask';
      readonly userTaskKey: string;
      readonly variables?: JsonObject;
      /**
       * Who completed the task (the caller's subject), recorded for the four-eyes rule and history.
       * Required for a task with a `fourEyes` property: the engine refuses the command without it,
       * and when this person completed an element the property names in the same process instance.
       */
      readonly completedBy?: string;
    }
  /** Sets (or with null removes) the assignee of an open user task. Who may do so is the caller's policy. */
  | { readonly type: 'AssignUserTask'; readonly userTaskKey: string; readonly assignee: string | null }
  | {
      readonly type: 'MigrateProcessInstance';
      readonly processInstanceKey: string;
      readonly targetProcessDefinitionKey: string;
      /** Every active element (and catching element with an open subscription) needs an entry. */
      readonly mappingInstructions: readonly MappingInstruction[];
    }
  | {
      readonly type: 'CorrelateMessage';
      readonly name: string;
      readonly correlationKey?: string;
      readonly variables?: JsonObject;
      /** Keep the message this long when nothing waits for it yet (0: drop it). */
      readonly timeToLiveMs?: number;
      readonly messageId?: string;
    }
  | { readonly type: 'ExpireMessage'; readonly messageKey: string }
  | { readonly type: 'BroadcastSignal'; readonly name: string; readonly variables?: JsonObject }
  | { readonly type: 'TriggerTimer'; readonly timerKey: string }
  | { readonly type: 'ResolveIncident'; readonly incidentKey: string; readonly retries?: number };

/** Moves the instances of `sourceElementId` to `targetElementId` of the target version. */
export interface MappingInstruction {
  readonly sourceElementId: string;
  readonly targetElementId: string;
}

export type EngineCommandType = EngineCommand['type'];

export type CommandOf<T extends EngineCommandType> = Extract<EngineCommand, { type: T }>;
