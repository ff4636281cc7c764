/**
 * The parts of a form-js schema the API reads: keyed input fields (possibly inside groups with a
 * `path` and dynamic lists), with their `validate` rules and static `values`.
 */
export interface FormComponent {
  readonly type?: string;
  readonly key?: string;
  readonly path?: string;
  readonly label?: string;
  readonly components?: readonly FormComponent[];
  readonly values?: readonly { readonly value?: unknown }[];
  /** form-js: `hide` is a FEEL expression over the form's data; a hidden field is neither validated nor submitted. */
  readonly conditional?: { readonly hide?: string };
  readonly validate?: {
    readonly required?: boolean;
    readonly min?: number;
    readonly max?: number;
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly pattern?: string;
    readonly validationType?: string;
  };
}

/** A keyed field: where its value lives (path segments) and the component describing it. */
export interface FormField {
  readonly path: readonly string[];
  readonly component: FormComponent;
  /** Dynamic lists: the fields of each item, relative to the item. */
  readonly items?: readonly FormField[];
  /** `conditional.hide` expressions of the field and the groups around it: any true hides it. */
  readonly hideWhen: readonly string[];
}

const CONTAINERS = new Set(['group', 'dynamiclist']);

/** The keyed fields of a schema (or of a container's components), with group paths applied. */
export function formFields(components: readonly FormComponent[] | undefined, prefix: readonly string[] = [], outerHide: readonly string[] = []): FormField[] {
  const fields: FormField[] = [];
  for (const component of components ?? []) {
    const hideWhen = component.conditional?.hide ? [...outerHide, component.conditional.hide] : outerHide;
    if (component.type === 'dynamiclist' && component.path) {
      fields.push({ path: [...prefix, ...segments(component.path)], component, items: formFields(component.components), hideWhen });
    } else if (component.type !== undefined && CONTAINERS.has(component.type)) {
      fields.push(...formFields(component.components, component.path ? [...prefix, ...segments(component.path)] : prefix, hideWhen));
    } else if (component.key) {
      fields.push({ path: [...prefix, ...segments(component.key)], component, hideWhen });
    }
  }
  return fields;
}

/** The top-level variable names a form reads and writes. */
export function formVariableNames(schema: { readonly components?: readonly FormComponent[] } | undefined): string[] {
  return [...new Set(formFields(schema?.components).map((field) => field.path[0]))];
}

function segments(path: string): string[] {
  return path.split('.').filter((segment) => segment.length > 0);
}
