import type { ScenarioFailure, ScenarioRunResult } from '../core/api-types';
import { h } from '../core/dom';
import type { BpmnDiagram } from '../diagram/bpmn-diagram';
import { divergingElement, heatLegend, heatLevel, type SuiteCoverage } from './scenario-coverage';

/** One scenario of a route run in „Alle Szenarien ausführen“: its result, or why it did not run. */
export interface SuiteEntry {
  readonly file: string;
  readonly name: string;
  readonly result?: ScenarioRunResult;
  /** The API refused the run (invalid scenario, route does not compile), in German. */
  readonly error?: string;
}

/** Marks one run on the diagram (entered elements, taken flows, visit counts, the diverging element); answers the diverging element. */
export function paintRun(diagram: BpmnDiagram, result: ScenarioRunResult): string | undefined {
  diagram.mark(result.path, 'lw-done');
  diagram.mark(result.flowsTaken, 'lw-flow-taken');
  for (const [id, count] of Object.entries(result.visits)) diagram.badge(id, `${count}×`, 'lw-visits', `${count} Mal betreten`);
  const nodes = new Set(diagram.flowNodes().map((node) => node.id));
  const diverged = divergingElement(result, (id) => nodes.has(id));
  if (diverged) diagram.mark([diverged], 'lw-diverged');
  return diverged;
}

/** The verdict, failures, path, coverage and products of one run. */
export function runView(result: ScenarioRunResult, diverged: string | undefined, nameOf: (id: string) => string): HTMLElement[] {
  const divergedText = diverged ? ` – erster abweichender Schritt: ${diverged}${nameOf(diverged) !== diverged ? ` („${nameOf(diverged)}“)` : ''}` : '';
  const parts: (HTMLElement | null)[] = [
    h('p', { class: result.passed ? 'verdict passed' : 'verdict failed', 'data-passed': String(result.passed) }, result.passed ? '✓ Szenario bestanden' : `✗ Szenario fehlgeschlagen${divergedText}`),
    result.failures.length > 0 ? h('ul', { class: 'failures' }, result.failures.map((failure) => h('li', {}, h('strong', {}, `${where(failure)}: `), failure.message, failure.diff ? h('pre', {}, failure.diff) : null))) : null,
    h('p', {}, `Weg: ${result.path.join(' → ')}`),
    h('p', { class: 'muted' }, `Abdeckung dieses Laufs: ${result.coverage.nodes.percent} % der Elemente, ${result.coverage.flows.percent} % der Flüsse.${result.coverage.flows.missing.length ? ` Nicht genommen: ${result.coverage.flows.missing.join(', ')}` : ''}`),
    Object.keys(result.produced).length ? h('p', { class: 'muted' }, `Erzeugt: ${Object.entries(result.produced).map(([type, count]) => `${type} × ${count}`).join(', ')}`) : null,
    result.notes.length ? h('ul', { class: 'muted' }, result.notes.map((note) => h('li', {}, note))) : null,
  ];
  return parts.filter((element): element is HTMLElement => element !== null);
}

/**
 * The heat map: each flow node shaded by how many scenarios entered it (badge „7/11“), each
 * sequence flow by how many took it; what no scenario took is outlined red and dashed.
 */
export function paintHeatMap(diagram: BpmnDiagram, coverage: SuiteCoverage): void {
  const paint = (counts: ReadonlyMap<string, number>): void => {
    for (const [id, count] of counts) diagram.mark([id], `lw-heat-${heatLevel(count, coverage.runs) ?? 'never'}`);
  };
  paint(coverage.nodeScenarios);
  paint(coverage.flowScenarios);
  for (const [id, count] of coverage.nodeScenarios) {
    if (count === 0) continue;
    diagram.badge(id, `${count}/${coverage.runs}`, 'lw-heat-badge', `von ${count} der ${coverage.runs} Szenarien betreten, ${coverage.nodeVisits.get(id) ?? 0} Besuche`);
  }
}

/** Coverage in percent, the legend of the shades and the ids no scenario took. */
export function coverageView(coverage: SuiteCoverage, routeName: string, nameOf: (id: string) => string): HTMLElement {
  const never = [...coverage.nodes.missing, ...coverage.flows.missing];
  return h(
    'section',
    { class: 'suite-coverage', 'aria-label': 'Abdeckung aller Szenarien' },
    h('h2', {}, `Abdeckung aller ${coverage.runs} Szenarien von ${routeName}`),
    h(
      'p',
      { class: 'coverage-figures', 'data-nodes': String(coverage.nodes.percent), 'data-flows': String(coverage.flows.percent) },
      h('strong', {}, `Elemente: ${percent(coverage.nodes.percent)}`),
      ` (${coverage.nodes.covered} von ${coverage.nodes.total}) · `,
      h('strong', {}, `Flüsse: ${percent(coverage.flows.percent)}`),
      ` (${coverage.flows.covered} von ${coverage.flows.total})`,
    ),
    h(
      'p',
      { class: 'legend heat-legend' },
      'Betreten von: ',
      heatLegend(coverage.runs).map((entry) => h('span', { class: `key key-heat-${entry.level}` }, entry.from === entry.to ? `${entry.from} ${entry.from === 1 ? 'Szenario' : 'Szenarien'}` : `${entry.from}–${entry.to} Szenarien`)),
      h('span', { class: 'key key-never' }, 'keinem'),
    ),
    never.length === 0
      ? h('p', { class: 'never-taken none' }, 'Jedes Element und jeder Fluss wurde von mindestens einem Szenario genommen.')
      : h(
          'div',
          { class: 'never-taken' },
          coverage.nodes.missing.length ? h('p', {}, h('strong', {}, 'Nie betreten: '), coverage.nodes.missing.map((id, index) => [index ? ', ' : '', h('code', { 'data-id': id, title: nameOf(id) }, id)]).flat()) : null,
          coverage.flows.missing.length ? h('p', {}, h('strong', {}, 'Nie genommen: '), coverage.flows.missing.map((id, index) => [index ? ', ' : '', h('code', { 'data-id': id }, id)]).flat()) : null,
        ),
  );
}

/** The result list of a suite: bestanden / fehlgeschlagen with the first failure, each run's path on request. */
export function suiteList(entries: readonly SuiteEntry[], show: (entry: SuiteEntry) => void): HTMLElement {
  return h(
    'ol',
    { class: 'suite-results', 'aria-label': 'Ergebnisse der Szenarien' },
    entries.map((entry) => {
      const passed = entry.result?.passed === true;
      const failure = entry.result?.failures[0];
      return h(
        'li',
        { 'data-scenario': entry.file, 'data-passed': String(passed) },
        h('span', { class: passed ? 'outcome passed' : 'outcome failed' }, passed ? '✓ bestanden' : '✗ fehlgeschlagen'),
        ' ',
        h('strong', {}, entry.file),
        entry.name ? h('span', { class: 'muted' }, ` – ${entry.name}`) : null,
        entry.error ? h('p', { class: 'failure' }, entry.error) : null,
        failure ? h('p', { class: 'failure' }, `${where(failure)}: ${failure.message}`) : null,
        entry.result ? h('button', { type: 'button', class: 'link', onclick: () => show(entry) }, `Weg von ${entry.file} zeigen`) : null,
      );
    }),
  );
}

function where(failure: ScenarioFailure): string {
  return `${failure.where}${failure.line ? ` (Zeile ${failure.line})` : ''}`;
}

function percent(value: number): string {
  return `${value.toLocaleString('de-DE')} %`;
}
