import type { AppContext } from '../core/app-context';
import type { AuditEntry, DocumentSummary, HistoryEntry, ProcessInstanceDetail } from '../core/api-types';
import { clear, formatDateTime, h } from '../core/dom';
import { Feedback } from '../core/feedback';
import { BpmnDiagram } from '../diagram/bpmn-diagram';
import { renderDocuments } from './documents-view';
import { renderInstanceActions } from './instance-actions';
import { statusLabel } from './instance-search-page';
import { renderTimeline } from './timeline-view';

/**
 * One instance for the team: the diagram with active elements, the completed path and
 * incidents (with retry), the documents it rendered, variables, the timeline of events and audit
 * entries, and the operations cancel, modify and migrate.
 */
export async function renderInstancePage(root: HTMLElement, context: AppContext, params: Record<string, string>): Promise<() => void> {
  const key = params['key'];
  const feedback = new Feedback();
  let diagram: BpmnDiagram | undefined;

  const load = async (): Promise<void> => {
    const data = await feedback.run('Vorgang wird geladen …', async () => {
      const instance = await context.api.get<ProcessInstanceDetail>(context.tenantPath(`/process-instances/${key}`));
      const [xml, history, audit, documents] = await Promise.all([
        context.api.getText(context.tenantPath(`/process-definitions/${instance.processDefinitionKey}/xml`)),
        loadHistory(context, key),
        context.api.get<{ items: AuditEntry[] }>(context.tenantPath('/audit'), { targetKey: key, limit: 500 }).then((page) => page.items).catch(() => [] as AuditEntry[]),
        context.api.get<{ items: DocumentSummary[] }>(context.tenantPath(`/process-instances/${key}/documents`)).then((page) => page.items),
      ]);
      return { instance, xml, history, audit, documents };
    });
    if (!data) return;
    const { instance, xml, history, audit, documents } = data;
    diagram?.destroy();
    const canvas = h('div', { class: 'diagram', role: 'img', 'aria-label': `Diagramm des Laufwegs ${instance.processId} mit dem Weg des Vorgangs` });
    const incidents = h('section', { 'aria-labelledby': 'incidents-title' }, h('h2', { id: 'incidents-title' }, `Störungen (${instance.openIncidents.length})`));
    for (const incident of instance.openIncidents) {
      const retry = async (): Promise<void> => {
        const done = await feedback.run('Störung wird behoben und der Schritt wiederholt …', () => context.api.post(context.tenantPath(`/incidents/${incident.key}/resolve`), {}).then(() => true), 'Der Schritt wird wiederholt.');
        if (done) await load();
      };
      incidents.append(h('div', { class: 'incident', 'data-incident': incident.key }, h('strong', {}, `${incident.elementId}: ${incident.errorType}`), h('p', {}, incident.message), h('span', { class: 'muted' }, formatDateTime(incident.createdAt)), h('button', { type: 'button', onclick: () => void retry() }, 'Erneut versuchen')));
    }
    if (instance.openIncidents.length === 0) incidents.append(h('p', { class: 'muted' }, 'Keine offenen Störungen.'));
    const variables = h(
      'section',
      { 'aria-labelledby': 'variables-title' },
      h('h2', { id: 'variables-title' }, 'Variablen'),
      instance.variables.length === 0
        ? h('p', { class: 'muted' }, 'Keine Variablen.')
        : h('table', { class: 'list compact' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Wert'), h('th', { scope: 'col' }, 'Gültigkeitsbereich'))), h('tbody', {}, instance.variables.map((variable) => h('tr', {}, h('td', {}, variable.name), h('td', {}, h('code', { class: 'value' }, JSON.stringify(variable.value))), h('td', {}, variable.scopeKey === instance.key ? 'Vorgang' : variable.scopeKey))))),
    );
    clear(
      root,
      h('p', {}, h('a', { href: '#/cockpit' }, '← Zur Suche')),
      h('h1', {}, `Vorgang ${instance.key}`, ' ', h('span', { class: `status ${instance.status}`, 'data-status': instance.status }, statusLabel(instance.status))),
      h('dl', { class: 'facts' }, h('dt', {}, 'Laufweg'), h('dd', {}, `${instance.processId} Version ${instance.version}`), h('dt', {}, 'Aktenzeichen'), h('dd', {}, instance.businessKey ?? '–'), h('dt', {}, 'Gestartet'), h('dd', {}, formatDateTime(instance.startedAt)), h('dt', {}, 'Beendet'), h('dd', {}, formatDateTime(instance.endedAt))),
      feedback.element,
      h('div', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key key-done' }, 'durchlaufen'), h('span', { class: 'key key-active' }, 'aktiv'), h('span', { class: 'key key-incident' }, 'Störung')),
      canvas,
      h('div', { class: 'columns' }, h('div', {}, incidents, renderDocuments(context, documents, feedback), variables), renderTimeline(history, audit)),
    );
    diagram = await BpmnDiagram.show(canvas, xml);
    const completed = history.filter((entry) => entry.type === 'ElementCompleted' && entry.elementId).map((entry) => entry.elementId as string);
    const flows = history.filter((entry) => entry.type === 'SequenceFlowTaken').map((entry) => String(entry.event['flowId']));
    diagram.mark(completed, 'lw-done');
    diagram.mark(flows, 'lw-flow-taken');
    diagram.mark(instance.elementInstances.map((element) => element.elementId), 'lw-active');
    diagram.mark(instance.openIncidents.map((incident) => incident.elementId), 'lw-incident');
    for (const element of instance.elementInstances) diagram.badge(element.elementId, '●', 'lw-active-badge', 'aktiv');
    for (const incident of instance.openIncidents) diagram.badge(incident.elementId, '!', 'lw-incident-badge', incident.message);
    if (instance.status === 'active') root.append(renderInstanceActions(context, instance, diagram.flowNodes(), feedback, load));
  };
  await load();
  return () => diagram?.destroy();
}

async function loadHistory(context: AppContext, key: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let after = 0;
  // A few pages suffice for the screen; very long histories show their beginning.
  for (let page = 0; page < 10; page++) {
    const result = await context.api.get<{ items: HistoryEntry[]; nextPosition: number | null }>(context.tenantPath(`/process-instances/${key}/history`), { afterPosition: after, limit: 500 });
    entries.push(...result.items);
    if (result.nextPosition === null) break;
    after = result.nextPosition;
  }
  return entries;
}
