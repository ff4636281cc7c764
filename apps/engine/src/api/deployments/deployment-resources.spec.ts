import { sortDeployment } from './deployment-resources';

const BPMN = { name: 'register-birth.bpmn', content: '<definitions/>' };
const FORM = { name: 'check.form', content: JSON.stringify({ id: 'check-form', type: 'default', components: [] }) };
const DMN = { name: 'fees.dmn', content: '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="fees" name="Fees"></definitions>' };

describe('sorting the files of a deployment', () => {
  it('given a BPMN with a form and a decision, then it keeps them with their ids and finds no problem', () => {
    const sorted = sortDeployment([BPMN, FORM, DMN]);
    expect(sorted.problems).toEqual([]);
    expect(sorted.bpmn).toBe(BPMN);
    expect(sorted.resources).toEqual([
      { name: 'check.form', kind: 'form', resourceId: 'check-form', content: FORM.content },
      { name: 'fees.dmn', kind: 'dmn', resourceId: 'fees', content: DMN.content },
    ]);
  });

  it('given bad files, then every problem is listed with its rule and file', () => {
    const sorted = sortDeployment([
      { name: 'a.form', content: '{' },
      { name: 'b.form', content: JSON.stringify({ components: [] }) },
      { name: 'c.form', content: JSON.stringify({ id: 'x' }) },
      { name: 'd.dmn', content: '<!DOCTYPE x><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"/>' },
      { name: 'e.dmn', content: '<definitions xmlns="http://example.org"/>' },
      { name: 'notes.txt', content: 'hello' },
    ]);
    expect(sorted.problems.map((problem) => [problem.rule, problem.field])).toEqual([
      ['deployment-bpmn-count', undefined],
      ['form-json', 'a.form'],
      ['form-id-missing', 'b.form'],
      ['form-schema', 'c.form'],
      ['xml-doctype-forbidden', 'd.dmn'],
      ['dmn-definitions', 'e.dmn'],
      ['resource-type', 'notes.txt'],
    ]);
  });

  it('given two forms with one id or two files with one name, then both are refused', () => {
    const sorted = sortDeployment([BPMN, FORM, { ...FORM, name: 'copy.form' }, BPMN]);
    expect(sorted.problems.map((problem) => problem.rule)).toEqual(['deployment-bpmn-count', 'form-id-duplicate', 'resource-name-duplicate']);
  });

  it('given the folder names of a route bundle, then it keeps them, and refuses absolute, empty and dot segments', () => {
    const values = { name: 'tenants/plauen.values.json', content: JSON.stringify({ municipality: { name: 'Plauen' } }) };
    const sorted = sortDeployment([BPMN, { ...FORM, name: 'forms/check.form' }, { ...DMN, name: 'decisions/fees.dmn' }, values]);
    expect(sorted.problems).toEqual([]);
    expect(sorted.resources.map((resource) => [resource.name, resource.kind])).toEqual([
      ['forms/check.form', 'form'],
      ['decisions/fees.dmn', 'dmn'],
      ['tenants/plauen.values.json', 'values'],
    ]);

    const refused = sortDeployment([BPMN, ...['/etc/fees.dmn', 'decisions//fees.dmn', '../fees.dmn', 'decisions/./fees.dmn', 'decisions/', 'decisions\\fees.dmn'].map((name) => ({ ...DMN, name }))]);
    expect(refused.problems.filter((problem) => problem.rule === 'resource-name').map((problem) => problem.field)).toEqual([
      '/etc/fees.dmn',
      'decisions//fees.dmn',
      '../fees.dmn',
      'decisions/./fees.dmn',
      'decisions/',
      'decisions\\fees.dmn',
    ]);
  });
});
