import { h } from '../core/dom';

/**
 * What is wrong with a municipality's values file (`tenants/<tenant>.values.json`), in German —
 * or undefined when it is JSON with an object `municipality` (what the engine reads from it).
 */
export function checkValues(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `Die Werte der Kommune sind kein gültiges JSON – bitte Klammern, Anführungszeichen und Kommas prüfen (${error instanceof Error ? error.message : String(error)}).`;
  }
  if (!isObject(parsed)) return 'Die Werte der Kommune müssen ein JSON-Objekt sein: { "municipality": { … } }.';
  if (!('municipality' in parsed)) return 'Den Werten der Kommune fehlt das Objekt „municipality“: { "municipality": { … } }.';
  if (!isObject(parsed['municipality'])) return '„municipality“ muss ein Objekt sein: { "municipality": { … } }.';
  return undefined;
}

/** The values pretty-printed (two spaces) when they are JSON, else as they are. */
export function prettyValues(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}

/**
 * A labelled monospace textarea for the values file, edited in place: every change goes to
 * `onChange` and is checked; what is wrong shows under the field.
 */
export function valuesEditor(name: string, content: string, onChange: (content: string) => void): HTMLElement {
  const error = h('p', { id: 'values-error', style: 'color: var(--bad); margin: 0.25rem 0 0' });
  const textarea = h('textarea', {
    id: 'values-json',
    rows: 24,
    spellcheck: false,
    'aria-describedby': 'values-hint values-error',
    style: 'display: block; width: 100%; flex: 1; min-height: 12rem; resize: vertical; font-family: ui-monospace, monospace; font-size: 0.85rem; box-sizing: border-box',
    value: prettyValues(content),
    oninput: () => {
      show(checkValues(textarea.value));
      onChange(textarea.value);
    },
  });
  const show = (problem: string | undefined): void => {
    error.textContent = problem ?? '';
    error.hidden = problem === undefined;
    textarea.setAttribute('aria-invalid', String(problem !== undefined));
  };
  show(checkValues(content));
  return h(
    'div',
    { class: 'values-editor', style: 'display: flex; flex-direction: column; gap: 0.25rem; padding: 0.75rem; height: 100%; box-sizing: border-box' },
    h('label', { for: 'values-json', style: 'font-weight: 600' }, `Werte der Kommune (${name})`),
    h('p', { id: 'values-hint', class: 'muted', style: 'margin: 0' }, 'JSON mit dem Objekt „municipality“ (Gebühren, Fristen, Dienststelle …). Wird unter diesem Dateinamen mit veröffentlicht; gehört der Prozess zu einem Laufweg aus processes/, prüft die Engine die Werte beim Veröffentlichen gegen dessen Schema.'),
    textarea,
    error,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
