import type { AppContext } from '../core/app-context';
import { h } from '../core/dom';
import type { Feedback } from '../core/feedback';

type Json = unknown;

const LABELS: Record<string, string> = {
  application: 'Antrag',
  submission: 'Einreichung',
  attachments: 'Anlagen',
  documents: 'Dokumente',
  submissionId: 'Einreichungs-Nr.',
  caseId: 'Vorgangs-Nr. (Portal)',
  serviceId: 'Leistungs-ID',
  serviceName: 'Leistung',
  receivedAt: 'Eingegangen',
  replyChannel: 'Rückkanal',
  payment: 'Zahlung',
};

/** What the view needs of the app: the API, and the tenant's paths (documents live under the tenant). */
export type CaseDataContext = Pick<AppContext, 'api' | 'tenantPath'>;

/**
 * The case data of a task: the application and the submission (with its attachments as
 * downloads) first, then the other variables the route shows, with the documents the route
 * rendered as downloads. Values are text, never HTML.
 */
export function renderCaseData(caseData: Record<string, Json>, context: CaseDataContext, feedback: Feedback, formFields: ReadonlySet<string> = new Set()): HTMLElement {
  // The form's own fields are shown (and edited) in the form.
  const ordered = Object.keys(caseData).filter((name) => !formFields.has(name)).sort((a, b) => rank(a) - rank(b));
  const section = h('section', { class: 'case-data', 'aria-labelledby': 'case-data-title' }, h('h2', { id: 'case-data-title' }, 'Antragsdaten'));
  if (ordered.length === 0) section.append(h('p', { class: 'muted' }, 'Der Laufweg zeigt zu dieser Aufgabe keine Antragsdaten.'));
  for (const name of ordered) {
    const value = caseData[name];
    const links = downloadLinks(name, value, context, feedback);
    section.append(h('div', { class: 'case-block', 'data-variable': name }, h('h3', {}, LABELS[name] ?? name), valueView(value, name === 'submission' ? new Set(['attachments']) : new Set()), links));
  }
  return section;
}

function rank(name: string): number {
  return name === 'application' ? 0 : name === 'submission' ? 1 : 2;
}

function valueView(value: Json, skip: ReadonlySet<string>): HTMLElement {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '–');
  if (Array.isArray(value)) {
    if (value.every((entry) => entry === null || typeof entry !== 'object')) return h('span', {}, value.map(String).join(', '));
    return h('ol', { class: 'json-list' }, value.map((entry) => h('li', {}, valueView(entry, new Set()))));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Json>).filter(([key]) => !skip.has(key));
    return h('dl', { class: 'json-object' }, entries.flatMap(([key, entry]) => [h('dt', {}, LABELS[key] ?? key), h('dd', {}, valueView(entry, new Set()))]));
  }
  if (typeof value === 'boolean') return h('span', {}, value ? 'ja' : 'nein');
  return h('span', {}, String(value));
}

interface Download {
  readonly label: string;
  readonly path: string;
}

/** Attachments of a submission and documents the route produced, as buttons that fetch with the token. */
function downloadLinks(name: string, value: Json, context: CaseDataContext, feedback: Feedback): HTMLElement | null {
  const downloads: Download[] = [];
  if (name === 'submission' && value && typeof value === 'object') {
    const submission = value as Record<string, Json>;
    const id = text(submission['id'] ?? submission['submissionId']);
    const attachments = Array.isArray(submission['attachments']) ? (submission['attachments'] as Record<string, Json>[]) : [];
    for (const attachment of attachments) {
      const attachmentId = text(attachment['id'] ?? attachment['attachmentId']);
      if (id && attachmentId) {
        downloads.push({ label: text(attachment['name'] ?? attachment['fileName'] ?? attachment['filename']) ?? attachmentId, path: `/api/v1/submissions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}` });
      }
    }
  }
  for (const document of documentsIn(name, value, context)) downloads.push(document);
  if (downloads.length === 0) return null;
  return h(
    'ul',
    { class: 'downloads', 'aria-label': name === 'submission' ? 'Anlagen' : 'Dokumente' },
    downloads.map((download) =>
      h('li', {}, h('button', {
        type: 'button',
        class: 'link',
        onclick: () =>
          void feedback.run(`„${download.label}“ wird geladen …`, async () => {
            const url = await context.api.blobUrl(download.path);
            window.open(url, '_blank', 'noopener');
          }),
      }, `${download.label} öffnen`)),
    ),
  );
}

/**
 * Documents anywhere in the value: `documentId: "…"` (or `dokumentId`), `documents: [{ id, name }]`
 * (or `dokumente`), and `document: { id, name }` as document.render answers; each once, fetched
 * from GET /api/v1/tenants/{tenantId}/documents/{documentId}.
 */
function documentsIn(name: string, value: Json, context: CaseDataContext): Download[] {
  const found = new Map<string, Download>();
  const add = (id: string, label: string | undefined): void => {
    if (!found.has(id)) found.set(id, { label: label ?? `Dokument ${id}`, path: context.tenantPath(`/documents/${encodeURIComponent(id)}`) });
  };
  const visit = (key: string, entry: Json): void => {
    if (/^(document|dokument)Id$/i.test(key) && typeof entry === 'string') add(entry, undefined);
    else if (/^(documents|dokumente)$/i.test(key) && Array.isArray(entry)) {
      for (const item of entry as Record<string, Json>[]) {
        const id = text(item?.['id'] ?? item?.['documentId']);
        if (id) add(id, text(item['name'] ?? item['title']));
      }
    } else if (/^(document|dokument)$/i.test(key) && entry && typeof entry === 'object' && !Array.isArray(entry) && text((entry as Record<string, Json>)['id'])) {
      const document = entry as Record<string, Json>;
      add(text(document['id']) as string, text(document['name'] ?? document['title']));
    } else if (entry && typeof entry === 'object' && !Array.isArray(entry)) for (const [inner, innerValue] of Object.entries(entry as Record<string, Json>)) visit(inner, innerValue);
  };
  visit(name, value);
  return [...found.values()];
}

function text(value: Json): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
