import type { AppContext } from '../core/app-context';
import type { DocumentSummary } from '../core/api-types';
import { formatDateTime, h } from '../core/dom';
import type { Feedback } from '../core/feedback';

/**
 * The documents the route rendered for a case (certificates, notices, letters; those of its call
 * activities included), each opened as a PDF fetched with the session's token.
 */
export function renderDocuments(context: AppContext, documents: readonly DocumentSummary[], feedback: Feedback): HTMLElement {
  const open = (document: DocumentSummary): void =>
    void feedback.run(`„${document.name}“ wird geladen …`, async () => {
      const url = await context.api.blobUrl(context.tenantPath(`/documents/${encodeURIComponent(document.id)}`));
      window.open(url, '_blank', 'noopener');
    });
  return h(
    'section',
    { 'aria-labelledby': 'documents-title', class: 'documents' },
    h('h2', { id: 'documents-title' }, `Dokumente (${documents.length})`),
    documents.length === 0
      ? h('p', { class: 'muted' }, 'Der Vorgang hat noch keine Dokumente erzeugt.')
      : h(
          'ul',
          { class: 'downloads', 'aria-label': 'Dokumente' },
          documents.map((document) =>
            h(
              'li',
              { 'data-document': document.id, 'data-template': document.template },
              h('button', { type: 'button', class: 'link', onclick: () => open(document) }, `${document.name} öffnen`),
              h('span', { class: 'muted' }, ` ${formatSize(document.size)} · ${formatDateTime(document.createdAt)}`),
            ),
          ),
        ),
  );
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;
}
