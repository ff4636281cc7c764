import type { Behaviors } from '../../behaviors/behaviors';
import type { CommandOf, EngineCommandType } from '../../commands/engine-command';

/** A command that does not fit the state: nothing happens, the caller gets the reason. */
export interface Rejection {
  readonly rejected: true;
  readonly reason: string;
}

export function reject(reason: string): Rejection {
  return { rejected: true, reason };
}

/** Handles one command type: checks it against the state, then emits through behaviors. */
export type CommandHandler<T extends EngineCommandType> = (command: CommandOf<T>, behaviors: Behaviors) => Rejection | undefined;

export type CommandHandlerTable<T extends EngineCommandType> = { readonly [K in T]: CommandHandler<K> };
