import type { AppContext } from '../core/app-context';
import { ApiProblem } from '../core/api-problem';
import type { Deployment, DeploymentResult, ModelProblem, Page as ApiPage, ProcessDefinition } from '../core/api-types';
import { clear, formatDateTime, h } from '../core/dom';
import { Feedback } from '../core/feedback';
import { BpmnEditor } from './bpmn-editor';
import { describeResources, loadDeployedRoute, valuesFileOf } from './deployed-route';
import { EMPTY_BPMN, EMPTY_DMN, EMPTY_FORM, loadDraft, type RouteDraft, saveDraft } from './drafts';
import type { ResourceEditor } from './resource-editors';
import { checkValues, valuesEditor } from './values-editor';

type Tab = 'bpmn' | 'forms' | 'dmn' | 'values';

/**
 * The modeler for designers: open a deployed version (with the forms, decisions and municipal
 * values deployed with it) or a local file, edit the BPMN (Zeebe properties, lint with the
 * engine's rules), its forms (form-js), decisions (dmn-js) and the municipality's values (JSON,
 * checked before deploying; the engine checks them against the route's schemas), save a draft in the browser,
 * deploy the BPMN with every file of the draft, with progress and the refusal's problems on the
 * elements, and see the route's version history.
 */
export async function renderModelerPage(root: HTMLElement, context: AppContext): Promise<() => void> {
  const feedback = new Feedback();
  const canvas = h('div', { class: 'modeler-canvas', 'aria-label': 'BPMN-Diagramm (bearbeitbar)' });
  const panel = h('aside', { class: 'properties', 'aria-label': 'Eigenschaften' });
  const resourceHost = h('div', { class: 'resource-editor', hidden: true });
  const resourceList = h('div', { class: 'resource-list', hidden: true });
  const problemsBox = h('div', { class: 'problems', 'aria-live': 'polite' });
  const history = h('ol', { class: 'history' });
  const known = new Map<string, ProcessDefinition>();
  const routeSelect = h('select', { 'aria-label': 'Veröffentlichten Laufweg öffnen', onchange: () => void openDeployed(known.get(routeSelect.value)) }, h('option', { value: '' }, 'Laufweg öffnen …'));
  const fileInput = h('input', { type: 'file', accept: '.bpmn,.form,.dmn,.xml,.json', multiple: true, class: 'visually-hidden', id: 'open-file', onchange: () => void openFiles() });
  const editor = new BpmnEditor(canvas, panel);
  let draft: RouteDraft = loadDraft(context.tenantId) ?? { bpmnName: 'neuer-laufweg.bpmn', bpmn: EMPTY_BPMN, resources: {} };
  let tab: Tab = 'bpmn';
  let resource: { name: string; editor: ResourceEditor } | undefined;
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Dateien des Laufwegs' });

  const syncResource = async (): Promise<void> => {
    if (!resource) return;
    draft = { ...draft, resources: { ...draft.resources, [resource.name]: await resource.editor.content() } };
  };
  const current = async (): Promise<RouteDraft> => {
    await syncResource();
    draft = { ...draft, bpmn: await editor.xml() };
    return draft;
  };

  const showTab = async (next: Tab): Promise<void> => {
    await syncResource();
    resource?.editor.destroy();
    resource = undefined;
    tab = next;
    clear(tabs, (['bpmn', 'forms', 'dmn', 'values'] as Tab[]).map((key) => h('button', { type: 'button', role: 'tab', 'aria-selected': String(key === tab), onclick: () => void showTab(key) }, { bpmn: 'Diagramm', forms: 'Formulare', dmn: 'Entscheidungen', values: 'Werte der Kommune' }[key])));
    canvas.hidden = tab !== 'bpmn';
    panel.hidden = tab !== 'bpmn';
    resourceHost.hidden = tab === 'bpmn';
    resourceList.hidden = tab === 'bpmn' || tab === 'values';
    clear(resourceHost);
    if (tab === 'values') renderValues();
    else if (tab !== 'bpmn') renderResourceList();
  };

  /** The values file of the draft in a textarea; edits go straight into the draft. */
  const renderValues = (): void => {
    const name = valuesFileOf(draft.resources);
    if (!name) {
      clear(resourceHost, h('p', { class: 'muted', style: 'padding: 0.75rem' }, 'Dieser Entwurf hat keine Werte der Kommune (tenants/<kommune>.values.json). Öffnen Sie eine veröffentlichte Version oder fügen Sie die Datei mit „Datei öffnen“ hinzu.'));
      return;
    }
    clear(resourceHost, valuesEditor(name, draft.resources[name] ?? '', (content) => {
      draft = { ...draft, resources: { ...draft.resources, [name]: content } };
    }));
  };

  const renderResourceList = (): void => {
    const extension = tab === 'forms' ? '.form' : '.dmn';
    const names = Object.keys(draft.resources).filter((name) => name.endsWith(extension)).sort();
    const values = valuesFileOf(draft.resources);
    const create = (): void => {
      const id = prompt(tab === 'forms' ? 'Formular-ID (so verweist die Benutzeraufgabe darauf):' : 'ID der Entscheidungstabelle:')?.trim();
      if (!id) return;
      draft = { ...draft, resources: { ...draft.resources, [`${id}${extension}`]: tab === 'forms' ? EMPTY_FORM(id) : EMPTY_DMN(id) } };
      void openResource(`${id}${extension}`);
    };
    clear(
      resourceList,
      h(
        'ul',
        {},
        names.map((name) =>
          // (inline layout: styles.css belongs to the whole app; the list is this page's own)
          h(
            'li',
            { 'data-resource': name, style: 'display: flex; gap: 0.25rem; align-items: flex-start' },
            h('button', { type: 'button', class: resource?.name === name ? 'selected' : '', title: name, style: 'flex: 1; min-width: 0; overflow-wrap: anywhere; text-align: left', onclick: () => void openResource(name) }, name.slice(name.lastIndexOf('/') + 1)),
            h('button', { type: 'button', 'aria-label': `${name} entfernen`, title: 'Aus dem Entwurf entfernen', style: 'width: auto', onclick: () => removeResource(name) }, '×'),
          ),
        ),
      ),
      names.length === 0 ? h('p', { class: 'muted' }, tab === 'forms' ? 'Keine Formulare im Entwurf.' : 'Keine Entscheidungstabellen im Entwurf.') : null,
      h('button', { type: 'button', onclick: create }, tab === 'forms' ? 'Neues Formular' : 'Neue Entscheidungstabelle'),
      values ? h('p', { class: 'muted', 'data-values': values, style: 'overflow-wrap: anywhere' }, `Werte der Kommune: ${values} – werden mit veröffentlicht (bearbeiten im Reiter „Werte der Kommune“).`) : null,
    );
  };

  /** Drops a form or decision from the draft (reopening the deployed version brings it back). */
  const removeResource = (name: string): void => {
    if (resource?.name === name) {
      resource.editor.destroy();
      resource = undefined;
      clear(resourceHost);
    }
    draft = { ...draft, resources: Object.fromEntries(Object.entries(draft.resources).filter(([other]) => other !== name)) };
    feedback.success(`${name} aus dem Entwurf entfernt.`);
    renderResourceList();
  };

  const openResource = async (name: string): Promise<void> => {
    await syncResource();
    resource?.editor.destroy();
    clear(resourceHost);
    const { openFormEditor, openDmnEditor } = await import('./resource-editors');
    const content = draft.resources[name] ?? '';
    const opened = await feedback.run(`${name} wird geöffnet …`, () => (name.endsWith('.form') ? openFormEditor(resourceHost, content) : openDmnEditor(resourceHost, content)));
    resource = opened ? { name, editor: opened } : undefined;
    renderResourceList();
  };

  const openXml = async (name: string, xml: string, resources: Record<string, string> = {}): Promise<void> => {
    // The open resource editor belongs to the previous draft: keep its edits there and close it.
    await syncResource();
    resource?.editor.destroy();
    resource = undefined;
    clear(resourceHost);
    const opened = `${name} geöffnet, ${describeResources(resources)}.`;
    const warnings = await feedback.run(`${name} wird geöffnet …`, () => editor.open(xml), opened);
    if (!warnings) return;
    draft = { bpmnName: name, bpmn: xml, resources };
    if (warnings.length > 0) feedback.success(`${opened} Hinweise beim Einlesen: ${warnings.join('; ')}`);
    await showTab('bpmn');
    await loadHistory();
  };

  /** A deployed version with the forms, decisions and values deployed with it. */
  const openDeployed = async (definition: ProcessDefinition | undefined): Promise<void> => {
    routeSelect.value = '';
    if (!definition) return;
    const route = await feedback.run(`Version ${definition.version} wird geladen …`, () => loadDeployedRoute(context, definition));
    if (route) await openXml(route.bpmnName, route.bpmn, route.resources);
  };

  const openFiles = async (): Promise<void> => {
    const files = Array.from(fileInput.files ?? []);
    fileInput.value = '';
    const resources: Record<string, string> = { ...draft.resources };
    let bpmn: { name: string; xml: string } | undefined;
    for (const file of files) {
      const text = await file.text();
      if (/\.(bpmn|xml)$/i.test(file.name) && text.includes('BPMN/20100524/MODEL')) bpmn = { name: file.name.replace(/\.xml$/i, '.bpmn'), xml: text };
      else resources[file.name] = text;
    }
    if (bpmn) await openXml(bpmn.name, bpmn.xml, resources);
    else {
      draft = { ...draft, resources };
      feedback.success(`${files.length} Datei(en) zum Entwurf hinzugefügt.`);
      if (tab === 'values') renderValues();
      else if (tab !== 'bpmn') renderResourceList();
    }
  };

  const save = async (): Promise<void> => {
    draft = saveDraft(context.tenantId, await current());
    feedback.success(`Entwurf gespeichert (${formatDateTime(draft.savedAt)}). Er bleibt in diesem Browser, bis Sie veröffentlichen.`);
  };

  const deploy = async (): Promise<void> => {
    const route = await current();
    const values = valuesFileOf(route.resources);
    const problem = values ? checkValues(route.resources[values] ?? '') : undefined;
    if (values && problem) {
      refuse(`Nicht veröffentlicht – ${values}: ${problem}`);
      return;
    }
    const body = { resourceName: route.bpmnName, content: route.bpmn, resources: Object.entries(route.resources).map(([name, content]) => ({ name, content })) };
    feedback.progress('Laufweg wird geprüft und veröffentlicht …');
    try {
      const result = await context.api.post<DeploymentResult>(context.tenantPath('/deployments'), body);
      saveDraft(context.tenantId, route);
      const versions = result.processes.map((process) => `${process.processId} Version ${process.version}`).join(', ');
      feedback.success(result.duplicate ? `Keine Änderung gegenüber der letzten Veröffentlichung (${versions}).` : `Veröffentlicht: ${versions}.${result.warnings.length ? ` ${result.warnings.length} Hinweis(e) am Modell.` : ''}`);
      editor.showDeployProblems(result.warnings.map((warning) => ({ ...warning, severity: 'warning' })));
      await loadHistory();
    } catch (error) {
      feedback.error(error);
      if (error instanceof ApiProblem && error.kind === 'invalid-deployment') {
        // The values' violations of the route's schemas are listed in the feedback, not on the diagram.
        const modelErrors = (error.problem.errors ?? []).filter((entry) => entry.rule !== 'route-values');
        editor.showDeployProblems(modelErrors.map((entry) => ({ rule: entry.rule ?? 'engine', message: entry.message, severity: 'error', ...(entry.elementId ? { elementId: entry.elementId } : {}) })));
      }
    }
  };

  /** A refusal before anything is sent (the draft's own check), shown like the engine's. */
  const refuse = (message: string): void => {
    feedback.element.className = 'feedback error';
    feedback.element.setAttribute('role', 'alert');
    clear(feedback.element, h('p', {}, message));
  };

  const loadHistory = async (): Promise<void> => {
    const processId = processIdOf(draft.bpmn);
    clear(history);
    if (!processId) return;
    const [definitions, deployments] = await Promise.all([
      context.api.get<ApiPage<ProcessDefinition>>(context.tenantPath('/process-definitions'), { processId, allVersions: true, limit: 50 }),
      context.api.get<ApiPage<Deployment>>(context.tenantPath('/deployments'), { limit: 200 }).catch(() => ({ items: [] as Deployment[] })),
    ]).catch(() => [{ items: [] as ProcessDefinition[] }, { items: [] as Deployment[] }] as const);
    const authors = new Map(deployments.items.map((deployment) => [deployment.deploymentKey, deployment.createdBy]));
    if (definitions.items.length === 0) history.append(h('li', { class: 'muted' }, 'Noch nicht veröffentlicht.'));
    for (const definition of definitions.items) {
      history.append(h('li', { 'data-version': String(definition.version) }, h('button', { type: 'button', class: 'link', onclick: () => void openDeployed(definition) }, `Version ${definition.version}`), h('span', { class: 'muted' }, ` ${formatDateTime(definition.createdAt)} · ${authors.get(definition.deploymentKey) ?? '–'}`)));
    }
  };

  editor.onProblems((problems: ModelProblem[]) => {
    const errors = problems.filter((problem) => (problem.severity ?? 'error') === 'error');
    clear(problemsBox, problems.length === 0 ? h('span', { class: 'ok' }, '✓ Die Engine-Prüfung findet keine Fehler.') : h('span', { class: errors.length ? 'bad' : '' }, `Engine-Prüfung: ${errors.length} Fehler, ${problems.length - errors.length} Hinweise – an den Elementen markiert.`));
  });

  const definitions = await context.api.get<ApiPage<ProcessDefinition>>(context.tenantPath('/process-definitions'), { limit: 200 }).catch(() => ({ items: [] as ProcessDefinition[] }));
  for (const definition of definitions.items) known.set(definition.processDefinitionKey, definition);
  routeSelect.append(...definitions.items.map((definition) => h('option', { value: definition.processDefinitionKey }, `${definition.name ?? definition.processId} (v${definition.version})`)));

  clear(
    root,
    h('h1', { class: 'visually-hidden' }, 'Modellierung'),
    h(
      'div',
      { class: 'toolbar' },
      routeSelect,
      h('label', { for: 'open-file', class: 'button', tabIndex: 0, onkeydown: (event: Event) => { if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') fileInput.click(); } }, 'Datei öffnen'),
      fileInput,
      h('button', { type: 'button', onclick: () => void openXml('neuer-laufweg.bpmn', EMPTY_BPMN) }, 'Neu'),
      h('button', { type: 'button', onclick: () => void save() }, 'Entwurf speichern'),
      h('button', { type: 'button', class: 'primary', onclick: () => void deploy() }, 'Veröffentlichen'),
      h('span', { class: 'spacer' }),
      tabs,
    ),
    feedback.element,
    problemsBox,
    h('div', { class: 'modeler-layout' }, h('div', { class: 'modeler-main' }, canvas, resourceList, resourceHost), panel, h('aside', { class: 'versions', 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, 'Versionen'), history)),
  );
  await showTab('bpmn');
  await feedback.run('Entwurf wird geöffnet …', () => editor.open(draft.bpmn));
  await loadHistory();
  return () => {
    resource?.editor.destroy();
    editor.destroy();
  };
}

/** The id of the first executable process in a BPMN document. */
export function processIdOf(xml: string): string | undefined {
  return /<(?:\w+:)?process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1];
}
