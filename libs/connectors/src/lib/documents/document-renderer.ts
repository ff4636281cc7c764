import Ajv, { type ValidateFunction } from 'ajv';
import { ConnectorBusinessError, ConnectorInputError } from '../core/connector';
import { describeErrors } from '../core/job-input';
import type { Clock } from '../core/ports';
import type { DocumentTemplate, TemplateName } from './document-template';
import { isRecord, TEMPLATE_NAMES } from './document-template';
import { DOCUMENT_TEMPLATES } from './document-templates';
import { type Municipality, municipalitySchema } from './municipality';
import { PdfLetter } from './pdf-letter';

export interface RenderedDocument {
  readonly template: TemplateName;
  /** File name, e.g. `Gebührenbescheid BG-2026-0042.pdf`. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/** Renders templates to PDF (the DMS/print-template system a municipality uses; here pdf-lib). */
export interface DocumentRenderer {
  /** Throws TemplateDataInvalidError when data or municipality lack what the template needs. */
  render(template: string, data: unknown, municipality: unknown): Promise<RenderedDocument>;
}

export class TemplateDataInvalidError extends ConnectorBusinessError {
  constructor(template: string, problems: readonly string[]) {
    super('TEMPLATE_DATA_INVALID', `Die Daten für die Vorlage ${template} sind unvollständig oder ungültig: ${problems.join('; ')}.`);
  }
}

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, validateFormats: false });
const validateMunicipality = ajv.compile<Municipality>(municipalitySchema);
const validators = new Map<TemplateName, ValidateFunction>(TEMPLATE_NAMES.map((name) => [name, ajv.compile(DOCUMENT_TEMPLATES[name].schema)]));

/** The PDF renderer: validates data and municipality, lays the template out on a PdfLetter. */
export class PdfDocumentRenderer implements DocumentRenderer {
  constructor(private readonly clock: Clock) {}

  async render(templateName: string, data: unknown, municipality: unknown): Promise<RenderedDocument> {
    if (!isTemplateName(templateName)) throw new ConnectorInputError(`Die Vorlage „${templateName}“ gibt es nicht; bekannt sind ${TEMPLATE_NAMES.join(', ')}.`);
    const template = DOCUMENT_TEMPLATES[templateName] as DocumentTemplate<unknown>;
    const validate = validators.get(templateName) as ValidateFunction;
    const cleaned = withoutNulls(data);
    data = template.normalize && isRecord(cleaned) ? template.normalize(cleaned, municipality) : cleaned;
    const problems = [
      ...(validate(data) ? [] : describeErrors(validate.errors ?? []).split('; ').map((problem) => `data.${problem}`)),
      ...(validateMunicipality(municipality) ? [] : describeErrors(validateMunicipality.errors ?? []).split('; ').map((problem) => `municipality.${problem}`)),
    ];
    if (problems.length === 0) problems.push(...(template.check?.(data, municipality as Municipality) ?? []));
    if (problems.length > 0) throw new TemplateDataInvalidError(templateName, problems);
    const title = template.title(data);
    const letter = await PdfLetter.create({ municipality: municipality as Municipality, title, now: this.clock.now() });
    template.render(letter, data, municipality as Municipality);
    const { bytes, pages } = await letter.finish();
    return { template: templateName, name: `${title.replace(/[\\/:*?"<>|]+/g, '-')}.pdf`, bytes, pages };
  }
}

/** FEEL hands absent values over as `null`: the templates treat them as not given. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null).map(([key, item]) => [key, withoutNulls(item)]));
  return value;
}

function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}
