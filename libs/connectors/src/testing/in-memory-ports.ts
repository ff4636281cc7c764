import { createHash } from 'node:crypto';
import type { Clock, ConnectorRecord, ConnectorRecorder, DocumentSink, DocumentToStore, MessagePublisher, PublishedMessage, Sleep } from '../lib/core/ports';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private current = Date.parse('2026-11-28T09:00:00Z')) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** A sleep that returns at once and remembers what it was asked to wait (latency assertions). */
export class RecordingSleep {
  readonly waits: number[] = [];
  readonly sleep: Sleep = (ms) => {
    this.waits.push(ms);
    return Promise.resolve();
  };
}

export class InMemoryDocumentSink implements DocumentSink {
  readonly documents = new Map<string, DocumentToStore>();

  store(document: DocumentToStore): Promise<string> {
    const id = `doc-${createHash('sha256').update(`${this.documents.size}:${document.sha256}`).digest('hex').slice(0, 12)}`;
    this.documents.set(id, document);
    return Promise.resolve(id);
  }
}

export class RecordingPublisher implements MessagePublisher {
  readonly published: { tenantId: string; message: PublishedMessage }[] = [];

  publish(tenantId: string, message: PublishedMessage): Promise<void> {
    this.published.push({ tenantId, message });
    return Promise.resolve();
  }
}

export class InMemoryRecorder implements ConnectorRecorder {
  readonly records: ConnectorRecord[] = [];

  record(entry: ConnectorRecord): Promise<void> {
    this.records.push(entry);
    return Promise.resolve();
  }
}
