import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormComponent } from './form-schema';
import { validateFormData } from './form-validator';

/**
 * The task forms of the municipal routes (processes/) as the API checks them: where a person
 * decides to reject, the form requires the reason that goes into the Ablehnungsbescheid
 * (rejection-notice needs one; without it the notice ends in a TEMPLATE_DATA_INVALID incident).
 */
const PROCESSES = join(__dirname, '../../../../../processes');
const REJECTIONS = new Set(['reject', 'denied']);

interface Form {
  readonly id: string;
  readonly components: readonly FormComponent[];
}

function routeForms(): { file: string; form: Form }[] {
  const folders = readdirSync(PROCESSES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(PROCESSES, entry.name, 'forms'));
  return folders.flatMap((folder) => {
    let files: string[];
    try {
      files = readdirSync(folder).filter((name) => name.endsWith('.form'));
    } catch {
      return [];
    }
    return files.map((name) => ({ file: name, form: JSON.parse(readFileSync(join(folder, name), 'utf8')) as Form }));
  });
}

function form(id: string): Form {
  const found = routeForms().find((entry) => entry.form.id === id);
  if (!found) throw new Error(`no form ${id}`);
  return found.form;
}

/** Every radio option of the routes' forms that rejects the application. */
const rejectingOptions = routeForms().flatMap(({ file, form: schema }) =>
  schema.components.filter((component) => component.type === 'radio' && component.key).flatMap((component) =>
    (component.values ?? []).filter((option) => REJECTIONS.has(String(option.value))).map((option) => [file, component.key as string, String(option.value), schema] as const),
  ),
);

describe('rejection reasons in the routes’ task forms', () => {
  it('given the routes, then there are rejecting decisions to check', () => {
    expect(rejectingOptions.map(([file, key, value]) => `${file}: ${key}=${value}`)).toEqual(
      expect.arrayContaining(['shared-decide-without-documents.form: documentsOutcome=reject', 'bpa-review-application.form: reviewDecision=reject', 'urkunden-review-entitlement.form: entitlementDecision=denied']),
    );
  });

  it.each(rejectingOptions)('given %s, when %s = %s is submitted without a reason, then a reason is required', (_file, key, value, schema) => {
    const problems = validateFormData(schema, { [key]: value });
    expect(problems.filter((problem) => problem.rule === 'required' && problem.field !== key)).not.toEqual([]);
  });

  describe('shared-decide-without-documents (Ohne Unterlagen entscheiden)', () => {
    const schema = form('shared-decide-without-documents');

    it('when the caseworker rejects without a reason, then completing is refused naming the reason field', () => {
      expect(validateFormData(schema, { documentsOutcome: 'reject', decisionNote: 'Kein Nachweis' })).toEqual([
        { field: 'documentsRejectionReason', rule: 'required', message: "'Begründung der Ablehnung (erscheint im Bescheid)' (documentsRejectionReason) is required." },
      ]);
      expect(validateFormData(schema, { documentsOutcome: 'reject', documentsRejectionReason: '' }).map((problem) => problem.field)).toEqual(['documentsRejectionReason']);
    });

    it('when the caseworker rejects with a reason, then the data fits the form', () => {
      expect(validateFormData(schema, { documentsOutcome: 'reject', documentsRejectionReason: 'Der Nachweis wurde trotz Erinnerung nicht vorgelegt.' })).toEqual([]);
    });

    it('when the decision is no rejection, then no reason is asked for', () => {
      expect(validateFormData(schema, { documentsOutcome: 'decideOnRecord' })).toEqual([]);
      expect(validateFormData(schema, { documentsOutcome: 'withdrawn' })).toEqual([]);
    });
  });

  describe('bpa-review-application (Antrag prüfen und entscheiden)', () => {
    const schema = form('bpa-review-application');

    it('when the caseworker rejects without a reason, then completing is refused; approving needs none', () => {
      expect(validateFormData(schema, { reviewDecision: 'reject' }).map((problem) => [problem.field, problem.rule])).toEqual([['reviewReason', 'required']]);
      expect(validateFormData(schema, { reviewDecision: 'reject', reviewReason: 'Kein Hauptwohnsitz in der Zone.' })).toEqual([]);
      expect(validateFormData(schema, { reviewDecision: 'approve' })).toEqual([]);
    });
  });
});
