import type { AppContext } from '../core/app-context';
import type { Page as ApiPage, ProcessDefinition, ProcessInstanceDetail } from '../core/api-types';
import { clear, h } from '../core/dom';
import type { Feedback } from '../core/feedback';
import { flowNodeIdsOf } from '../diagram/bpmn-diagram';

type Node = { id: string; name: string };

/** Cancel, move a token (modify) and migrate to another version, for a running instance. */
export function renderInstanceActions(context: AppContext, instance: ProcessInstanceDetail, nodes: readonly Node[], feedback: Feedback, reload: () => Promise<void>): HTMLElement {
  const base = context.tenantPath(`/process-instances/${instance.key}`);
  const options = (list: readonly Node[], selected?: string): HTMLOptionElement[] => list.map((node) => h('option', { value: node.id, selected: node.id === selected }, node.name === node.id ? node.id : `${node.name} (${node.id})`));

  const cancel = async (): Promise<void> => {
    if (!confirm(`Vorgang ${instance.key} wirklich abbrechen? Das lässt sich nicht rückgängig machen.`)) return;
    if (await feedback.run('Vorgang wird abgebrochen …', () => context.api.post(`${base}/cancel`).then(() => true), 'Der Vorgang ist abgebrochen.')) await reload();
  };

  const from = h('select', { id: 'modify-from' }, instance.elementInstances.map((element) => h('option', { value: element.key }, `${element.elementId} (${element.key})`)));
  const to = h('select', { id: 'modify-to' }, options(nodes));
  const modify = async (event: Event): Promise<void> => {
    event.preventDefault();
    const body = { terminate: from.value ? [from.value] : [], activate: [{ elementId: to.value }] };
    if (await feedback.run('Token wird verschoben …', () => context.api.post(`${base}/modify`, body).then(() => true), 'Der Token wurde verschoben.')) await reload();
  };

  const migrateBox = h('div', { class: 'migration' });
  const versions = h('select', { id: 'migrate-target', onchange: () => void showMapping() }, h('option', { value: '' }, 'Version wählen …'));
  const showMapping = async (): Promise<void> => {
    clear(migrateBox);
    if (!versions.value) return;
    const xml = await feedback.run('Zielversion wird geladen …', () => context.api.getText(context.tenantPath(`/process-definitions/${versions.value}/xml`)));
    if (!xml) return;
    const targets = flowNodeIdsOf(xml);
    const sources = [...new Set(instance.elementInstances.map((element) => element.elementId))];
    const selects = sources.map((source) => {
      const select = h('select', { 'data-source': source, 'aria-label': `Ziel für ${source}` }, options(targets, targets.some((target) => target.id === source) ? source : undefined));
      return { source, select };
    });
    const migrate = async (): Promise<void> => {
      const body = { targetProcessDefinitionKey: versions.value, processInstanceKeys: [instance.key], mappingInstructions: selects.map(({ source, select }) => ({ sourceElementId: source, targetElementId: select.value })) };
      const result = await feedback.run('Vorgang wird migriert …', () => context.api.post<{ migrated: string[]; failed: { reason: string }[] }>(context.tenantPath('/process-instances/migrate'), body));
      if (!result) return;
      if (result.failed.length > 0) feedback.success(`Nicht migriert: ${result.failed.map((entry) => entry.reason).join('; ')}`);
      else await reload();
    };
    clear(
      migrateBox,
      h('table', { class: 'list compact' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Aktives Element'), h('th', { scope: 'col' }, 'Element der Zielversion'))), h('tbody', {}, selects.map(({ source, select }) => h('tr', {}, h('td', {}, source), h('td', {}, select))))),
      h('button', { type: 'button', class: 'primary', onclick: () => void migrate() }, 'Migrieren'),
    );
  };
  void context.api
    .get<ApiPage<ProcessDefinition>>(context.tenantPath('/process-definitions'), { processId: instance.processId, allVersions: true, limit: 200 })
    .then((page) => versions.append(...page.items.filter((definition) => definition.processDefinitionKey !== instance.processDefinitionKey).map((definition) => h('option', { value: definition.processDefinitionKey }, `Version ${definition.version}`))))
    .catch((error: unknown) => feedback.error(error));

  return h(
    'section',
    { class: 'operations', 'aria-labelledby': 'operations-title' },
    h('h2', { id: 'operations-title' }, 'Eingreifen'),
    h('details', {}, h('summary', {}, 'Token verschieben'), h('form', { class: 'inline-form', onsubmit: (event: Event) => void modify(event) }, h('label', { for: 'modify-from' }, 'Beenden'), from, h('label', { for: 'modify-to' }, 'Starten bei'), to, h('button', { type: 'submit' }, 'Verschieben'))),
    h('details', {}, h('summary', {}, 'Auf andere Version migrieren'), h('label', { for: 'migrate-target' }, 'Zielversion '), versions, migrateBox),
    h('p', {}, h('button', { type: 'button', class: 'danger', onclick: () => void cancel() }, 'Vorgang abbrechen')),
  );
}
