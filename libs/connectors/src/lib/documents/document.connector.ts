import { createHash } from 'node:crypto';
import type { Connector } from '../core/connector';
import { inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { DocumentSink } from '../core/ports';
import type { SimulatedSystem } from '../simulation/simulated-system';
import type { DocumentRenderer } from './document-renderer';

const readInput = inputReader<{ template: string; data: Record<string, unknown>; municipality: unknown; recipient?: unknown }>('document.render', {
  type: 'object',
  required: ['template', 'data', 'municipality'],
  properties: { template: nonEmptyString, data: { type: 'object' }, municipality: { type: 'object' }, recipient: { type: ['object', 'null'] } },
});

/**
 * `document.render` (`template`, `data`, `municipality`, optional `recipient` beside data) → `{ document }`: renders the template to PDF, stores it in the sink and
 * answers the reference (id, name, pages, SHA-256, size); BPMN error TEMPLATE_DATA_INVALID.
 */
export function documentConnector(renderer: DocumentRenderer, sink: DocumentSink, system: SimulatedSystem): Connector {
  return (job) =>
    system.call(async () => {
      const input = readInput(job.variables);
      // A recipient mapped beside `data` (as notice.recipient is) counts as data.recipient.
      const data = input.recipient && input.data['recipient'] === undefined ? { ...input.data, recipient: input.recipient } : input.data;
      const rendered = await renderer.render(input.template, data, input.municipality);
      const sha256 = createHash('sha256').update(rendered.bytes).digest('hex');
      const id = await sink.store({
        tenantId: job.tenantId,
        ...(job.processInstanceKey ? { processInstanceKey: job.processInstanceKey } : {}),
        template: rendered.template,
        name: rendered.name,
        mediaType: 'application/pdf',
        sha256,
        size: rendered.bytes.byteLength,
        content: rendered.bytes,
      });
      return resultVariable('document', { id, name: rendered.name, template: rendered.template, mediaType: 'application/pdf', pages: rendered.pages, sha256, size: rendered.bytes.byteLength });
    });
}
