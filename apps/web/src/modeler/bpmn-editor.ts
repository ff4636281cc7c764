import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import tokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import zeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { ModelProblem } from '../core/api-types';
import { fitDiagram } from '../diagram/bpmn-diagram';
import { EngineProblems } from './engine-lint';
import { lintConfig } from './lint-config';

interface Linting {
  update(): void;
  toggle(active?: boolean): boolean;
}

interface ElementRegistry {
  get(id: string): unknown;
}

/**
 * The BPMN modeler: Zeebe properties panel and behaviors, bpmnlint with the engine's own
 * validation (run in the browser on every change, and the problems of a refused deployment),
 * and token simulation.
 */
export class BpmnEditor {
  private readonly engine = new EngineProblems();
  private readonly modeler: Modeler;
  private validation: number | undefined;
  private destroyed = false;
  private listeners: ((problems: ModelProblem[]) => void)[] = [];

  constructor(canvas: HTMLElement, panel: HTMLElement) {
    this.modeler = new Modeler({
      container: canvas,
      keyboard: { bindTo: document },
      propertiesPanel: { parent: panel },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, zeebeBehaviorsModule, lintModule, tokenSimulationModule],
      moddleExtensions: { zeebe },
      linting: { bpmnlint: lintConfig(this.engine), active: true },
    } as never);
    this.modeler.on('commandStack.changed', () => {
      this.engine.set('deploy', []);
      this.scheduleValidation();
    });
  }

  async open(xml: string): Promise<string[]> {
    // A refused deployment's problems belong to the diagram that was open (an import does not
    // change the command stack, which clears them otherwise).
    this.engine.set('deploy', []);
    const { warnings } = await this.modeler.importXML(xml);
    const canvas = this.modeler.get<{ zoom(level?: 'fit-viewport' | number, center?: 'auto'): number; scroll(delta: { dx: number; dy: number }): void }>('canvas', true);
    fitDiagram(canvas);
    // Clear of the palette on the left.
    canvas.scroll({ dx: 60, dy: 0 });
    this.scheduleValidation(0);
    return (warnings as unknown as { message: string }[]).map((warning) => warning.message);
  }

  async xml(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml ?? '';
  }

  /** Problems a deployment answered, shown on their elements until the next change. */
  showDeployProblems(problems: readonly ModelProblem[]): void {
    this.engine.set('deploy', problems);
    this.linting.update();
    this.notify();
  }

  onProblems(listener: (problems: ModelProblem[]) => void): void {
    this.listeners.push(listener);
  }

  hasElement(id: string): boolean {
    return this.modeler.get<ElementRegistry>('elementRegistry', true).get(id) !== undefined;
  }

  get<T>(service: string): T {
    return this.modeler.get<T>(service, true);
  }

  destroy(): void {
    this.destroyed = true;
    window.clearTimeout(this.validation);
    this.modeler.destroy();
  }

  private get linting(): Linting {
    return this.modeler.get<Linting>('linting', true);
  }

  private scheduleValidation(delay = 500): void {
    window.clearTimeout(this.validation);
    this.validation = window.setTimeout(() => void this.validate(), delay);
  }

  /** The engine's validator (libs/bpmn-model) on the current XML, as deploy would run it. */
  private async validate(): Promise<void> {
    const [{ loadBpmnModel }, xml] = await Promise.all([import('@laufweg/bpmn-model'), this.xml()]);
    const result = await loadBpmnModel(xml);
    if (this.destroyed) return;
    const problems: ModelProblem[] = result.ok ? [...result.warnings] : [...result.problems];
    this.engine.set('local', problems);
    this.linting.update();
    this.notify();
  }

  /** The problems summary follows every change of the problems, a deployment's answer included. */
  private notify(): void {
    for (const listener of this.listeners) listener(this.engine.all());
  }
}
