import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import tokenSimulationModule from 'bpmn-js-token-simulation/lib/viewer';
import type { AppContext } from '../core/app-context';
import type { Page as ApiPage, ProcessDefinition, RouteSummary, ScenarioRunResult } from '../core/api-types';
import { clear, h } from '../core/dom';
import { Feedback } from '../core/feedback';
import { BpmnDiagram, processIdsOf } from '../diagram/bpmn-diagram';
import { loadDraft } from '../modeler/drafts';
import { suiteCoverage } from './scenario-coverage';
import { fetchScenario, runRequest, runSuite, type RunTarget } from './scenario-suite';
import { coverageView, paintHeatMap, paintRun, runView, suiteList, type SuiteEntry } from './scenario-views';

const SCENARIOS_KEY = 'laufweg.scenarios';
const TEMPLATE = `name: Neues Szenario
route: laufweg
application:
  antragId: A-2026-0001
connectors: {}
steps:
  - wait: PT1H
expect:
  path: { contains: [] }
`;

/**
 * The Test area for designers and the team (issue #8): a scenario (YAML, written here or one of a
 * route's files of processes/) against the draft of this browser or a deployed route, its path on
 * the diagram (taken flows, visit counts) and the first diverging element; or every scenario of a
 * route at once, with the coverage of all of them as a heat map on the diagram.
 */
export async function renderScenarioPage(root: HTMLElement, context: AppContext): Promise<() => void> {
  const feedback = new Feedback();
  const draft = loadDraft(context.tenantId);
  const draftProcesses = draft ? processIdsOf(draft.bpmn) : [];
  const saved = JSON.parse(localStorage.getItem(SCENARIOS_KEY) ?? '{}') as Record<string, string>;
  const [definitions, routes] = await Promise.all([
    context.api.get<ApiPage<ProcessDefinition>>(context.tenantPath('/process-definitions'), { limit: 200 }).catch(() => ({ items: [] as ProcessDefinition[] })),
    context.api.get<RouteSummary[]>(context.tenantPath('/routes')).catch(() => [] as RouteSummary[]),
  ]);
  const source = h(
    'select',
    { id: 'scenario-source', onchange: () => void showDiagram() },
    draft ? h('option', { value: 'draft' }, `Entwurf: ${draft.bpmnName}`) : null,
    definitions.items.map((definition) => h('option', { value: `process:${definition.processId}`, 'data-key': definition.processDefinitionKey }, `${definition.name ?? definition.processId} (veröffentlicht, v${definition.version})`)),
  );
  const routeSelect = h(
    'select',
    { id: 'scenario-route', onchange: () => void pickRoute() },
    h('option', { value: '' }, 'Keiner gewählt'),
    routes.map((route) => h('option', { value: route.id }, `${route.name} (${route.id}, ${route.scenarios.length} Szenarien)`)),
  );
  const files = h('ul', { class: 'scenario-files', 'aria-label': 'Szenario-Dateien des Laufwegs' });
  const runAllButton = h('button', { type: 'button', disabled: true, onclick: () => void runAll() }, 'Alle Szenarien ausführen');
  const scenarioPicker = h('select', { id: 'scenario-pick', onchange: () => { yaml.value = saved[scenarioPicker.value] ?? TEMPLATE; loadedFile = undefined; } }, h('option', { value: '' }, 'Vorlage'), Object.keys(saved).map((name) => h('option', { value: name }, name)));
  const yaml = h('textarea', { id: 'scenario-yaml', rows: 18, spellcheck: false, value: TEMPLATE });
  const results = h('section', { class: 'scenario-results', 'aria-live': 'polite' });
  const canvas = h('div', { class: 'diagram scenario-diagram', role: 'img', 'aria-label': 'Diagramm mit dem Weg des Szenarios oder der Abdeckung aller Szenarien' });
  const xmlBySource = new Map<string, string>();
  let diagram: BpmnDiagram | undefined;
  let route: RouteSummary | undefined;
  /** The route file the editor was loaded from (its copy runs as that file would). */
  let loadedFile: string | undefined;
  let suite: { route: RouteSummary; entries: SuiteEntry[]; target: string } | undefined;

  const target = (): RunTarget | undefined => {
    const value = source.value;
    if (value === 'draft') return draft ? { kind: 'draft', bpmnXml: draft.bpmn } : undefined;
    return value.startsWith('process:') ? { kind: 'deployed', processId: value.slice('process:'.length) } : undefined;
  };
  const targetLabel = (): string => source.selectedOptions[0]?.textContent ?? '';
  const targetIsFor = (candidate: RouteSummary): boolean => (source.value === 'draft' ? draftProcesses.includes(candidate.process) : source.value === `process:${candidate.process}`);

  /** Draws the selected route afresh (no marks): each result paints a clean diagram. */
  const showDiagram = async (): Promise<BpmnDiagram | undefined> => {
    const option = source.selectedOptions[0];
    if (!option) return undefined;
    let xml = option.value === 'draft' ? draft?.bpmn : xmlBySource.get(option.value);
    if (xml === undefined) {
      xml = await feedback.run('Diagramm wird geladen …', () => context.api.getText(context.tenantPath(`/process-definitions/${option.getAttribute('data-key') ?? ''}/xml`)));
      if (xml === undefined) return undefined;
      xmlBySource.set(option.value, xml);
    }
    diagram?.destroy();
    clear(canvas);
    diagram = await BpmnDiagram.show(canvas, xml, [tokenSimulationModule]);
    simulationButton.setAttribute('aria-pressed', 'false');
    return diagram;
  };

  /** A route's scenario files to pick from; the route's draft (if this browser has one) or its deployed version becomes the target. */
  const pickRoute = async (): Promise<void> => {
    route = routes.find((candidate) => candidate.id === routeSelect.value);
    runAllButton.disabled = !route || route.scenarios.length === 0;
    clear(files, (route?.scenarios ?? []).map((file) => h('li', {}, h('button', { type: 'button', class: 'scenario-file', 'data-file': file, onclick: () => void pickFile(file) }, file))));
    if (!route) return;
    const own = draftProcesses.includes(route.process) ? 'draft' : `process:${route.process}`;
    if (Array.from(source.options).some((option) => option.value === own)) {
      source.value = own;
      feedback.clear();
    } else {
      feedback.success(`${route.name} ist in dieser Kommune nicht veröffentlicht, und dieser Browser hat keinen Entwurf davon: die Szenarien lassen sich ansehen, aber nicht ausführen.`);
    }
    clear(results);
    await showDiagram();
  };

  const pickFile = async (file: string): Promise<void> => {
    if (!route) return;
    const text = await feedback.run(`${file} wird geladen …`, () => fetchScenario(context, route as RouteSummary, file));
    if (text === undefined) return;
    yaml.value = text;
    loadedFile = file;
    scenarioPicker.value = '';
    for (const button of files.querySelectorAll('button')) button.setAttribute('aria-current', String(button.getAttribute('data-file') === file));
    feedback.success(`${file} geladen: Sie können es hier ändern und ausführen; die Datei in processes/ bleibt, wie sie ist.`);
  };

  const run = async (): Promise<void> => {
    const chosen = target();
    if (!chosen) {
      feedback.success('Kein Laufweg zum Testen: bitte im Modeler einen Entwurf speichern oder einen Laufweg veröffentlichen.');
      return;
    }
    const name = /^name:\s*(.+)$/m.exec(yaml.value)?.[1]?.trim();
    if (name) localStorage.setItem(SCENARIOS_KEY, JSON.stringify({ ...saved, [name]: yaml.value }));
    const result = await feedback.run('Szenario läuft in einer Sandbox …', () => context.api.post<ScenarioRunResult>('/api/v1/scenario-runs', runRequest(context, chosen, yaml.value, loadedFile)));
    if (result) await showRun(result);
  };

  const showRun = async (result: ScenarioRunResult, back?: HTMLElement): Promise<void> => {
    const shown = await showDiagram();
    const diverged = shown ? paintRun(shown, result) : undefined;
    clear(results, back, runView(result, diverged, (id) => shown?.nameOf(id) ?? id));
    canvas.scrollIntoView({ block: 'start' });
  };

  const runAll = async (): Promise<void> => {
    const chosen = target();
    const picked = route;
    if (!picked) return;
    if (!chosen || !targetIsFor(picked)) {
      feedback.success(`Die Szenarien von ${picked.name} laufen gegen den Prozess ${picked.process}: bitte oben unter „Laufweg“ dessen Entwurf oder veröffentlichte Version wählen.`);
      return;
    }
    const label = targetLabel();
    runAllButton.disabled = true;
    feedback.clear();
    const bar = h('progress', { max: picked.scenarios.length, value: 0, 'aria-label': 'Fortschritt' });
    const status = h('p', { class: 'suite-progress', role: 'status' });
    clear(results, status, bar);
    try {
      const entries = await runSuite(context, picked, chosen, (done, total, file) => {
        bar.value = done;
        clear(status, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `${done} von ${total} Szenarien ausgeführt – läuft: ${file}`);
      });
      suite = { route: picked, entries, target: label };
      await showSuite();
    } catch (error) {
      clear(results);
      feedback.error(error);
    } finally {
      runAllButton.disabled = false;
    }
  };

  /** The heat map of the last suite on a clean diagram, its coverage and its result list. */
  const showSuite = async (): Promise<void> => {
    if (!suite) return;
    const shown = await showDiagram();
    if (!shown) return;
    const { entries } = suite;
    const coverage = suiteCoverage(shown.processElements(suite.route.process), entries.flatMap((entry) => (entry.result ? [entry.result] : [])));
    paintHeatMap(shown, coverage);
    const passed = entries.filter((entry) => entry.result?.passed === true).length;
    const allPassed = passed === entries.length;
    clear(
      results,
      h('p', { class: allPassed ? 'verdict passed suite-verdict' : 'verdict failed suite-verdict', 'data-passed': String(allPassed) }, `${allPassed ? '✓' : '✗'} ${passed} von ${entries.length} Szenarien bestanden${allPassed ? '' : `, ${entries.length - passed} fehlgeschlagen`} (gegen ${suite.target})`),
      coverageView(coverage, suite.route.name, (id) => shown.nameOf(id)),
      suiteList(entries, (entry) => {
        if (entry.result) void showRun(entry.result, h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => void showSuite() }, 'Zurück zur Abdeckung aller Szenarien'), h('span', { class: 'muted' }, ` · ${entry.file}`)));
      }),
    );
    canvas.scrollIntoView({ block: 'start' });
  };

  const simulationButton = h('button', { type: 'button', 'aria-pressed': 'false', onclick: () => toggleSimulation() }, 'Token-Simulation');
  const toggleSimulation = (): void => {
    if (!diagram) return;
    const active = simulationButton.getAttribute('aria-pressed') !== 'true';
    diagram.get<{ toggleMode(active?: boolean): void }>('toggleMode').toggleMode(active);
    simulationButton.setAttribute('aria-pressed', String(active));
  };

  clear(
    root,
    h('h1', {}, 'Test: Szenarien'),
    // The diagram spans the page: a route is wide, and the heat map must stay readable.
    canvas,
    h(
      'div',
      { class: 'scenario-layout' },
      h(
        'div',
        { class: 'scenario-editor' },
        h('label', { for: 'scenario-source' }, 'Laufweg'),
        source,
        h('label', { for: 'scenario-route' }, 'Szenarien des Laufwegs (processes/)'),
        routeSelect,
        files,
        h('div', { class: 'actions' }, runAllButton),
        h('label', { for: 'scenario-pick' }, 'Eigene Szenarien (dieser Browser)'),
        scenarioPicker,
        h('label', { for: 'scenario-yaml' }, 'Szenario (YAML, Format: docs/scenarios.md)'),
        yaml,
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: () => void run() }, 'Szenario ausführen'), simulationButton),
        feedback.element,
      ),
      results,
    ),
  );
  await showDiagram();
  return () => diagram?.destroy();
}
