import { nearestId, idOf, type ModdleElement } from './moddle-element';

/** "user task", "exclusive gateway" from `bpmn:UserTask`, `bpmn:ExclusiveGateway`. */
export function kindOf(type: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return local
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^(ad hoc |)sub process$/, (_match, adHoc: string) => `${adHoc === '' ? '' : 'ad-hoc '}sub-process`)
    .replace('event based', 'event-based');
}

/** "a" or "an" before a word. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** `The user task "Check"` or `A sequence flow` — the start of a designer-readable sentence. */
export function describeElement(element: ModdleElement | undefined): string {
  if (element === undefined) return 'An element';
  const id = idOf(element) ?? nearestId(element);
  const name = element.get('name');
  const label = typeof name === 'string' && name.trim() !== '' ? name.trim() : id;
  const kind = kindOf(element.$type);
  if (label !== undefined) return `The ${kind} "${label}"`;
  const phrase = withArticle(kind);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** {@link describeElement} for use inside a sentence: `the user task "Check"`, `a sequence flow`. */
export function mentionElement(element: ModdleElement | undefined): string {
  const description = describeElement(element);
  return description.charAt(0).toLowerCase() + description.slice(1);
}
