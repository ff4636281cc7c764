import type { ErrorObject } from 'ajv/dist/2020';
import type { IntakeProblemSlug, ReceiptProblem } from '../receipt';
import { intakeProblemType } from '../receipt';

/** Ajv's errors as receipt problems: the JSON pointer of each, and what is wrong there. */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, slug: IntakeProblemSlug, part: 'metadata' | 'data', title: string): ReceiptProblem[] {
  return (errors ?? []).map((error) => {
    const pointer = pointerOf(error);
    return { type: intakeProblemType(slug), title, detail: `${pointer || '/'}: ${describe(error)}`, instance: part, pointer };
  });
}

/** Where the error is: for a missing or unknown property the property itself. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  return child === undefined ? error.instancePath : `${error.instancePath}/${child.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Pflichtangabe fehlt';
    case 'additionalProperties':
      return 'unbekannte Angabe';
    case 'type':
      return `erwartet wird ${String(params['type'])}`;
    case 'enum':
    case 'const':
      return `Wert ist nicht zulässig (${error.message ?? ''})`;
    case 'pattern':
    case 'format':
      return 'Wert hat nicht das erwartete Format';
    default:
      return error.message ?? 'ungültig';
  }
}
