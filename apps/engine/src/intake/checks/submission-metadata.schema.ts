/**
 * The subset of FIT-Connect's metadata (metadata.schema.json 1.x/2.x, draft 2020-12) that
 * Laufweg accepts: `contentStructure` with JSON application data and SHA-512 hashes, optional
 * payment information, reply channel, authentication information and reference info. Field
 * names follow the published schema; where DOMAIN.md §1.2 marks them "(verify)", the shapes here
 * are deliberately loose (objects with typed known fields, no extra requirements).
 */
const SHA512 = {
  type: 'object',
  required: ['type', 'content'],
  properties: { type: { const: 'sha512' }, content: { type: 'string', pattern: '^[0-9a-fA-F]{128}$' } },
  additionalProperties: false,
} as const;

const ID = '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$';

export const SUBMISSION_METADATA_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:laufweg:schema:submission-metadata',
  title: 'Metadaten einer Einreichung (FIT-Connect-Teilmenge)',
  type: 'object',
  required: ['contentStructure'],
  properties: {
    $schema: { type: 'string', pattern: '^https://schema\\.fitko\\.de/fit-connect/metadata/[12]\\.[0-9]+\\.[0-9]+/metadata\\.schema\\.json$' },
    contentStructure: {
      type: 'object',
      required: ['data', 'attachments'],
      properties: {
        data: {
          type: 'object',
          required: ['submissionSchema', 'hash'],
          properties: {
            submissionSchema: {
              type: 'object',
              required: ['schemaUri', 'mimeType'],
              properties: { schemaUri: { type: 'string', minLength: 1, maxLength: 500 }, mimeType: { const: 'application/json' } },
              additionalProperties: false,
            },
            hash: SHA512,
          },
          additionalProperties: false,
        },
        attachments: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            required: ['attachmentId', 'purpose', 'mimeType', 'hash'],
            properties: {
              attachmentId: { type: 'string', pattern: ID },
              purpose: { enum: ['form', 'attachment', 'report'] },
              filename: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f]+$' },
              mimeType: { type: 'string', pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100 },
              description: { type: 'string', maxLength: 500 },
              hash: SHA512,
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    authenticationInformation: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['type', 'version', 'content'],
        properties: { type: { type: 'string', maxLength: 100 }, version: { type: 'string', maxLength: 50 }, content: { type: 'string', maxLength: 100000 } },
        additionalProperties: false,
      },
    },
    paymentInformation: {
      type: 'object',
      required: ['transactionReference', 'paymentMethod', 'status'],
      properties: {
        transactionUrl: { type: 'string', maxLength: 1000 },
        transactionId: { type: 'string', maxLength: 200 },
        transactionReference: { type: 'string', minLength: 1, maxLength: 200 },
        transactionTimestamp: { type: 'string', maxLength: 40 },
        paymentMethod: { enum: ['CREDITCARD', 'GIROPAY', 'PAYPAL', 'PAYDIRECT', 'INVOICE', 'OTHER'] },
        paymentMethodDetail: { type: 'string', maxLength: 200 },
        status: { enum: ['INITIAL', 'BOOKED', 'FAILED', 'CANCELED'] },
        grossAmount: { type: 'number', minimum: 0 },
      },
      additionalProperties: false,
    },
    replyChannel: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      properties: {
        eMail: {
          type: 'object',
          required: ['address'],
          properties: { address: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', maxLength: 254 }, pgpPublicKey: { type: 'string', maxLength: 20000 } },
          additionalProperties: false,
        },
        deMail: { type: 'object', required: ['address'], properties: { address: { type: 'string', maxLength: 254 } }, additionalProperties: false },
        elster: { type: 'object', required: ['accountId'], properties: { accountId: { type: 'string', maxLength: 100 }, lieferTicket: { type: 'string' }, geschaeftszeichen: { type: 'string' } }, additionalProperties: false },
        fitConnect: { type: 'object', properties: { processStandards: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
        postal: { type: 'object' },
      },
      additionalProperties: false,
    },
    additionalReferenceInfo: {
      type: 'object',
      properties: { senderReference: { type: 'string', maxLength: 200 }, applicationDate: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;
