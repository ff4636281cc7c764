import { DataCheck } from './data.check';
import type { CheckInput } from './intake-check';

const schema = { $id: 'https://laufweg.example/test/hund.schema.json', type: 'object', required: ['dog'], properties: { dog: { type: 'object', properties: { birthDate: { type: 'string', format: 'date' } } } } };

function input(data: unknown, serviceSchema: object = schema): CheckInput {
  return { submission: { dataBytes: Buffer.from(JSON.stringify(data)) }, service: { schema: serviceSchema } } as unknown as CheckInput;
}

describe('the data check of the intake', () => {
  const check = new DataCheck();

  // Regression: the intake's validator ignored formats ("unknown format 'date' ignored"), so a
  // dog born on the 45th of the 13th month reached the route.
  it('refuses a value that does not meet its format, with the JSON pointer', () => {
    expect(check.check(input({ dog: { birthDate: '2024-13-45' } }))).toEqual([expect.objectContaining({ pointer: '/dog/birthDate' })]);
    expect(check.check(input({ dog: { birthDate: '2024-06-01' } }))).toEqual([]);
  });

  it('validates against a redeployed schema with the same $id by its new content', () => {
    expect(check.check(input({}, { ...schema, required: [] }))).toEqual([]);
    expect(check.check(input({}))).toEqual([expect.objectContaining({ pointer: '/dog' })]);
  });
});
