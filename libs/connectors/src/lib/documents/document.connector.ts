import { createHash } from 'node:crypto';
import type { Connector } from '../core/connector';
import { inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { DocumentSink } from '../core/ports';
import type { SimulatedSystem } from '../simulation/simulated-system';
import type { DocumentRenderer } from './document-renderer';

const readInput = inputReader<{ template: string; data: unknown; municipality: unknown }>('document.render', {
  type: 'object',
  required: ['template', 'data', 'municipality'],
  properties: { template: nonEmptyString, data: { type: 'object' }, municipality: { type: 'object' } },
});

/**
 * `document.render` → `{ document }`: renders the template to PDF, stores it in the sink and
 * answers the reference (id, name, pages, SHA-256, size); BPMN error TEMPLATE_DATA_INVALID.
 */
export function documentConnector(renderer: DocumentRenderer, sink: DocumentSink, system: SimulatedSystem): Connector {
  return (job) =>
    system.call(async () => {
      const input = readInput(job.variables);
      const rendered = await renderer.render(input.template, input.data, input.municipality);
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
