import type { MessagePublisher, PublishedMessage } from '@laufweg/connectors';
import type { EngineRuntime } from '@laufweg/persistence';

/** Buffered this long when no instance waits yet (the citizen paid before the route reached the wait). */
const TIME_TO_LIVE_MS = 7 * 86_400_000;

/** Publishes simulator messages through the engine's message correlation, like POST .../messages does. */
export class RuntimeMessagePublisher implements MessagePublisher {
  constructor(private readonly runtime: EngineRuntime) {}

  async publish(tenantId: string, message: PublishedMessage): Promise<void> {
    const result = await this.runtime.correlateMessage(tenantId, {
      name: message.name,
      correlationKey: message.correlationKey,
      variables: message.variables,
      timeToLiveMs: TIME_TO_LIVE_MS,
      messageId: `${message.name}:${message.correlationKey}`,
    });
    if (!('duplicate' in result) && result.rejected) throw new Error(`The message ${message.name} (${message.correlationKey}) was refused: ${result.reason}`);
  }
}
