import { buildSubmission } from '../testing/submission-builder';
import { HashCheck } from './hash.check';

describe('HashCheck', () => {
  const attachment = { attachmentId: 'a1', filename: 'a.pdf', mimeType: 'application/pdf', bytes: Buffer.from('pdf') };
  const sent = buildSubmission({ destinationId: 'testhausen', serviceIdentifier: 'urn:de:fim:leika:leistung:x', data: { a: 1 }, attachments: [attachment] });
  const submission = { ...sent.fields, metadataBytes: Buffer.from(JSON.stringify(sent.metadata)), dataBytes: sent.data, attachments: [{ attachmentId: 'a1', bytes: attachment.bytes }] };

  it('passes when data and attachments hash to the announced SHA-512', () => {
    expect(new HashCheck().check({ submission, metadata: sent.metadata, service: undefined })).toEqual([]);
  });

  it('names the data when one byte differs (whitespace too: the hash is over the exact bytes)', () => {
    const problems = new HashCheck().check({ submission: { ...submission, dataBytes: Buffer.from('{"a": 1}') }, metadata: sent.metadata, service: undefined });
    expect(problems.map((problem) => problem.instance)).toEqual(['data']);
  });

  it('names a missing announced attachment', () => {
    const problems = new HashCheck().check({ submission: { ...submission, attachments: [] }, metadata: sent.metadata, service: undefined });
    expect(problems.map((problem) => [problem.type, problem.instance])).toEqual([['urn:laufweg:problem:intake:attachment-missing', 'attachment:a1']]);
  });
});
