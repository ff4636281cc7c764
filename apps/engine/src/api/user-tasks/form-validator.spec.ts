import { formVariableNames } from './form-schema';
import { validateFormData } from './form-validator';

const schema = {
  components: [
    { type: 'checkbox', key: 'documentsComplete', label: 'Unterlagen vollständig', validate: { required: true } },
    { type: 'textfield', key: 'remarks', validate: { minLength: 2, maxLength: 10 } },
    { type: 'textfield', key: 'fileNumber', validate: { pattern: '^AZ [0-9]+$' } },
    { type: 'textfield', key: 'email', validate: { validationType: 'email' } },
    { type: 'number', key: 'fee', validate: { min: 0, max: 5000 } },
    { type: 'radio', key: 'decision', values: [{ value: 'approved' }, { value: 'rejected' }] },
    { type: 'checklist', key: 'checks', values: [{ value: 'identity' }, { value: 'plot' }] },
    { type: 'text', text: '# Hinweis' },
    { type: 'group', path: 'applicant', components: [{ type: 'textfield', key: 'name', validate: { required: true } }] },
    { type: 'dynamiclist', path: 'rooms', components: [{ type: 'number', key: 'area', validate: { required: true, min: 1 } }] },
  ],
};

describe('validating variables against a form-js schema', () => {
  it('given valid data, then there is no problem', () => {
    const data = { documentsComplete: true, remarks: 'ok', fileNumber: 'AZ 12', email: 'a@b.de', fee: 50, decision: 'approved', checks: ['plot'], applicant: { name: 'Erika' }, rooms: [{ area: 12 }] };
    expect(validateFormData(schema, data)).toEqual([]);
  });

  it('given a missing required field and no optional ones, then only the required one is reported', () => {
    expect(validateFormData(schema, { applicant: { name: 'Erika' } })).toEqual([
      { field: 'documentsComplete', rule: 'required', message: "'Unterlagen vollständig' (documentsComplete) is required." },
    ]);
  });

  it('given wrong types, bounds, lengths, formats and options, then each field is reported once', () => {
    const data = { documentsComplete: 'yes', remarks: 'x', fileNumber: 'B-12', email: 'nope', fee: 9000, decision: 'maybe', checks: ['tax'], applicant: {}, rooms: [{ area: 0 }, 'x'] };
    expect(validateFormData(schema, data).map((problem) => [problem.field, problem.rule])).toEqual([
      ['documentsComplete', 'type'],
      ['remarks', 'minLength'],
      ['fileNumber', 'pattern'],
      ['email', 'format'],
      ['fee', 'max'],
      ['decision', 'value'],
      ['checks', 'value'],
      ['applicant.name', 'required'],
      ['rooms', 'type'],
    ]);
    expect(validateFormData(schema, { documentsComplete: true, applicant: { name: 'E' }, rooms: [{ area: 0 }], fee: '5' }).map((problem) => [problem.field, problem.rule])).toEqual([
      ['fee', 'type'],
      ['rooms[0].area', 'min'],
    ]);
  });

  it('given keys the form does not declare, at the top or inside a group, then they are refused', () => {
    const problems = validateFormData(schema, { documentsComplete: true, applicant: { name: 'E', age: 3 }, approvedBy: 'me' });
    expect(problems.map((problem) => [problem.field, problem.rule])).toEqual([
      ['applicant.age', 'unknown-field'],
      ['approvedBy', 'unknown-field'],
    ]);
  });

  it('names the variables a form declares', () => {
    expect(formVariableNames(schema)).toEqual(['documentsComplete', 'remarks', 'fileNumber', 'email', 'fee', 'decision', 'checks', 'applicant', 'rooms']);
  });

  // Regression: the gewerbeanzeige check form hides 'missingItems' unless the notification is
  // incomplete; the API required it anyway and a complete notification could not be confirmed.
  it('given a field the form hides for this data (conditional.hide), then it is not required, and required again once shown', () => {
    const conditional = {
      components: [
        { type: 'radio', key: 'complete', values: [{ value: 'yes' }, { value: 'no' }], validate: { required: true } },
        { type: 'textarea', key: 'missingItems', label: 'Fehlende Unterlagen', conditional: { hide: '=complete != "no"' }, validate: { required: true } },
        { type: 'group', path: 'permit', conditional: { hide: '=complete = "no"' }, components: [{ type: 'textfield', key: 'number', validate: { required: true } }] },
      ],
    };
    expect(validateFormData(conditional, { complete: 'yes', permit: { number: 'P-1' } })).toEqual([]);
    expect(validateFormData(conditional, { complete: 'no' }).map((problem) => [problem.field, problem.rule])).toEqual([['missingItems', 'required']]);
    expect(validateFormData(conditional, { complete: 'no', missingItems: 'Ausweiskopie' })).toEqual([]);
    expect(validateFormData(conditional, { complete: 'yes' }).map((problem) => [problem.field, problem.rule])).toEqual([['permit.number', 'required']]);
  });
});
