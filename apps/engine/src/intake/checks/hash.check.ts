import { intakeProblemType, type ReceiptProblem } from '../receipt';
import type { CheckInput, IntakeCheck } from './intake-check';
import { sha512Hex } from './sha512';

interface AnnouncedHash {
  readonly type?: unknown;
  readonly content?: unknown;
}

/**
 * The content structure matches what arrived (FIT-Connect `contentStructure`): the SHA-512 of the
 * exact data bytes equals `data.hash`, every announced attachment arrived and its bytes hash to
 * its `hash`, and nothing arrived that was not announced. Hashes the metadata does not carry in
 * the expected place are left to the metadata check.
 */
export class HashCheck implements IntakeCheck {
  readonly name = 'hash';

  check({ submission, metadata }: CheckInput): readonly ReceiptProblem[] {
    const structure = objectAt(metadata, 'contentStructure');
    if (!structure) return [];
    const problems: ReceiptProblem[] = [];
    const dataHash = hashOf(objectAt(structure, 'data'));
    if (dataHash !== undefined && dataHash !== sha512Hex(submission.dataBytes)) {
      problems.push({
        type: intakeProblemType('data-hash-mismatch'),
        title: 'Prüfsumme der Fachdaten stimmt nicht',
        detail: 'Der SHA-512-Hashwert der empfangenen Fachdaten weicht von contentStructure.data.hash ab.',
        instance: 'data',
        pointer: '/contentStructure/data/hash/content',
      });
    }
    const announced = Array.isArray(structure['attachments']) ? (structure['attachments'] as unknown[]) : [];
    const received = new Map(submission.attachments.map((attachment) => [attachment.attachmentId, attachment.bytes]));
    announced.forEach((entry, index) => {
      const id = asObject(entry)?.['attachmentId'];
      if (typeof id !== 'string') return;
      const bytes = received.get(id);
      received.delete(id);
      if (!bytes) {
        problems.push({ type: intakeProblemType('attachment-missing'), title: 'Anlage fehlt', detail: `Die angekündigte Anlage ${id} wurde nicht übermittelt.`, instance: `attachment:${id}`, pointer: `/contentStructure/attachments/${index}` });
        return;
      }
      const expected = hashOf(entry);
      if (expected !== undefined && expected !== sha512Hex(bytes)) {
        problems.push({
          type: intakeProblemType('attachment-hash-mismatch'),
          title: 'Prüfsumme einer Anlage stimmt nicht',
          detail: `Der SHA-512-Hashwert der Anlage ${id} weicht vom angekündigten Hashwert ab.`,
          instance: `attachment:${id}`,
          pointer: `/contentStructure/attachments/${index}/hash/content`,
        });
      }
    });
    for (const id of received.keys()) {
      problems.push({ type: intakeProblemType('attachment-unannounced'), title: 'Nicht angekündigte Anlage', detail: `Die Anlage ${id} steht nicht in contentStructure.attachments.`, instance: `attachment:${id}` });
    }
    return problems;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  return asObject(asObject(value)?.[key]);
}

/** The announced SHA-512 (lower-cased), or undefined when the entry carries none of that type. */
function hashOf(entry: unknown): string | undefined {
  const hash = objectAt(entry, 'hash') as AnnouncedHash | undefined;
  return hash?.type === 'sha512' && typeof hash.content === 'string' ? hash.content.toLowerCase() : undefined;
}
