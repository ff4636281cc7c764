import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { h } from '../core/dom';

export interface MountedTaskForm {
  /** Validates and returns the form's data (only its own fields, as the API requires). */
  submit(): { valid: true; data: Record<string, unknown> } | { valid: false; errors: string[] };
  dispose(): void;
}

/** Renders a task's form-js schema with the case data as initial values (read-only unless the caller holds the task). */
export async function mountTaskForm(host: HTMLElement, schema: Record<string, unknown> | null, data: Record<string, unknown>, readOnly: boolean): Promise<MountedTaskForm> {
  if (!schema) {
    host.append(h('p', { class: 'muted' }, 'Diese Aufgabe hat kein Formular. Mit „Abschließen“ wird sie erledigt.'));
    return { submit: () => ({ valid: true, data: {} }), dispose: () => undefined };
  }
  const container = h('div', { class: 'form-container' });
  host.append(container);
  const form = new Form({ container });
  await form.importSchema(schema as never, data);
  if (readOnly) form.setProperty('readOnly', true);
  return {
    submit: () => {
      const { data: values, errors } = form.submit() as { data: Record<string, unknown>; errors: Record<string, string[]> };
      const messages = Object.entries(errors).flatMap(([field, list]) => list.map((message) => `${field}: ${message}`));
      return messages.length > 0 ? { valid: false, errors: messages } : { valid: true, data: values };
    },
    dispose: () => form.destroy(),
  };
}
