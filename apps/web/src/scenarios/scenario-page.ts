import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import tokenSimulationModule from 'bpmn-js-token-simulation/lib/viewer';
import type { AppContext } from '../core/app-context';
import type { Page as ApiPage, ProcessDefinition, ScenarioRunResult } from '../core/api-types';
import { clear, h } from '../core/dom';
import { Feedback } from '../core/feedback';
import { BpmnDiagram } from '../diagram/bpmn-diagram';
import { loadDraft } from '../modeler/drafts';

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
 * Scenario runs for designers and the team: a scenario (YAML) against the draft of this browser
 * or a deployed route, the path on the diagram (taken flows, visit counts), failures with the
 * first diverging element, coverage, and token simulation.
 */
export async function renderScenarioPage(root: HTMLElement, context: AppContext): Promise<() => void> {
  const feedback = new Feedback();
  const draft = loadDraft(context.tenantId);
  const saved = JSON.parse(localStorage.getItem(SCENARIOS_KEY) ?? '{}') as Record<string, string>;
  const definitions = await context.api.get<ApiPage<ProcessDefinition>>(context.tenantPath('/process-definitions'), { limit: 200 }).catch(() => ({ items: [] as ProcessDefinition[] }));
  const source = h(
    'select',
    { id: 'scenario-source', onchange: () => void showDiagram() },
    draft ? h('option', { value: 'draft' }, `Entwurf: ${draft.bpmnName}`) : null,
    definitions.items.map((definition) => h('option', { value: `process:${definition.processId}`, 'data-key': definition.processDefinitionKey }, `${definition.name ?? definition.processId} (veröffentlicht, v${definition.version})`)),
  );
  const scenarioPicker = h('select', { id: 'scenario-pick', onchange: () => { yaml.value = saved[scenarioPicker.value] ?? TEMPLATE; } }, h('option', { value: '' }, 'Vorlage'), Object.keys(saved).map((name) => h('option', { value: name }, name)));
  const yaml = h('textarea', { id: 'scenario-yaml', rows: 18, spellcheck: false, value: TEMPLATE });
  const results = h('section', { class: 'scenario-results', 'aria-live': 'polite' });
  const canvas = h('div', { class: 'diagram', role: 'img', 'aria-label': 'Diagramm mit dem Weg des Szenarios' });
  let diagram: BpmnDiagram | undefined;
  let xml = '';

  const showDiagram = async (): Promise<void> => {
    const option = source.selectedOptions[0];
    if (!option) return;
    const loaded = option.value === 'draft' ? draft?.bpmn : await feedback.run('Diagramm wird geladen …', () => context.api.getText(context.tenantPath(`/process-definitions/${option.getAttribute('data-key') ?? ''}/xml`)));
    if (!loaded) return;
    xml = loaded;
    diagram?.destroy();
    clear(canvas);
    diagram = await BpmnDiagram.show(canvas, xml, [tokenSimulationModule]);
    simulationButton.setAttribute('aria-pressed', 'false');
  };

  const run = async (): Promise<void> => {
    const option = source.selectedOptions[0];
    if (!option) {
      feedback.success('Kein Laufweg zum Testen: bitte im Modeler einen Entwurf speichern oder einen Laufweg veröffentlichen.');
      return;
    }
    const body = { tenantId: context.tenantId, scenario: yaml.value, ...(option.value === 'draft' ? { bpmnXml: draft?.bpmn } : { processId: option.value.slice('process:'.length) }) };
    const name = /^name:\s*(.+)$/m.exec(yaml.value)?.[1]?.trim();
    if (name) localStorage.setItem(SCENARIOS_KEY, JSON.stringify({ ...saved, [name]: yaml.value }));
    const result = await feedback.run('Szenario läuft in einer Sandbox …', () => context.api.post<ScenarioRunResult>('/api/v1/scenario-runs', body));
    if (!result) return;
    await showDiagram();
    showResult(result);
  };

  const showResult = (result: ScenarioRunResult): void => {
    if (diagram) {
      diagram.mark(result.path, 'lw-done');
      diagram.mark(result.flowsTaken, 'lw-flow-taken');
      for (const [id, count] of Object.entries(result.visits)) diagram.badge(id, `${count}×`, 'lw-visits', `${count} Mal betreten`);
    }
    const diverged = firstDiverging(result, (id) => Boolean(diagram?.flowNodes().some((node) => node.id === id)));
    if (diverged && diagram) diagram.mark([diverged], 'lw-diverged');
    clear(
      results,
      h('p', { class: result.passed ? 'verdict passed' : 'verdict failed', 'data-passed': String(result.passed) }, result.passed ? '✓ Szenario bestanden' : `✗ Szenario fehlgeschlagen${diverged ? ` – erster abweichender Schritt: ${diverged}` : ''}`),
      result.failures.length > 0 ? h('ul', { class: 'failures' }, result.failures.map((failure) => h('li', {}, h('strong', {}, `${failure.where}${failure.line ? ` (Zeile ${failure.line})` : ''}: `), failure.message, failure.diff ? h('pre', {}, failure.diff) : null))) : null,
      h('p', {}, `Weg: ${result.path.join(' → ')}`),
      h('p', { class: 'muted' }, `Abdeckung: ${result.coverage.nodes.percent} % der Elemente, ${result.coverage.flows.percent} % der Flüsse.${result.coverage.flows.missing.length ? ` Nie genommen: ${result.coverage.flows.missing.join(', ')}` : ''}`),
      Object.keys(result.produced).length ? h('p', { class: 'muted' }, `Erzeugt: ${Object.entries(result.produced).map(([type, count]) => `${type} × ${count}`).join(', ')}`) : null,
      result.notes.length ? h('ul', { class: 'muted' }, result.notes.map((note) => h('li', {}, note))) : null,
    );
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
    h(
      'div',
      { class: 'scenario-layout' },
      h(
        'div',
        { class: 'scenario-editor' },
        h('label', { for: 'scenario-source' }, 'Laufweg'),
        source,
        h('label', { for: 'scenario-pick' }, 'Szenario'),
        scenarioPicker,
        h('label', { for: 'scenario-yaml' }, 'Szenario (YAML, Format: docs/scenarios.md)'),
        yaml,
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: () => void run() }, 'Szenario ausführen'), simulationButton),
        feedback.element,
      ),
      h('div', {}, canvas, results),
    ),
  );
  await showDiagram();
  return () => diagram?.destroy();
}

/** The element the run went astray at: the first quoted id in a path failure that the diagram has. */
function firstDiverging(result: ScenarioRunResult, exists: (id: string) => boolean): string | undefined {
  for (const failure of result.failures) {
    const entered = /entered '([^']+)'/.exec(failure.message)?.[1];
    if (entered && exists(entered)) return entered;
    for (const match of failure.message.matchAll(/'([^']+)'/g)) if (exists(match[1])) return match[1];
  }
  return undefined;
}
