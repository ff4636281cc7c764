import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

interface BusinessObject {
  readonly id: string;
  readonly name?: string;
  readonly $type: string;
  readonly $parent?: BusinessObject;
  $instanceOf(type: string): boolean;
}

interface DiagramElement {
  readonly id: string;
  readonly type: string;
  readonly businessObject: BusinessObject;
  readonly waypoints?: unknown;
}

/** The flow nodes and sequence flows of a process as the diagram draws them (nested ones included). */
export interface ProcessElements {
  readonly flowNodes: readonly string[];
  readonly sequenceFlows: readonly string[];
}

interface Canvas {
  addMarker(id: string, marker: string): void;
  getRootElement(): DiagramElement;
  zoom(level?: 'fit-viewport' | number, center?: 'auto'): number;
}

interface Overlays {
  add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  filter(fn: (element: DiagramElement) => boolean): DiagramElement[];
}

/** A read-only BPMN diagram with markers and overlays (cockpit, scenario results). */
export class BpmnDiagram {
  private constructor(private readonly viewer: NavigatedViewer) {}

  static async show(container: HTMLElement, xml: string, modules: unknown[] = []): Promise<BpmnDiagram> {
    const viewer = new NavigatedViewer({ container, additionalModules: modules as never[] });
    await viewer.importXML(xml);
    const diagram = new BpmnDiagram(viewer);
    fitDiagram(diagram.canvas);
    return diagram;
  }

  private get canvas(): Canvas {
    return this.viewer.get<Canvas>('canvas', true);
  }

  private get registry(): ElementRegistry {
    return this.viewer.get<ElementRegistry>('elementRegistry', true);
  }

  get<T>(service: string): T {
    return this.viewer.get<T>(service, true);
  }

  /**
   * Adds a CSS class to each element that exists in the diagram. The root (the process a
   * completed instance also reports) is skipped: its marker would style every element inside it.
   */
  mark(ids: Iterable<string>, marker: string): void {
    const root = this.canvas.getRootElement().id;
    for (const id of ids) if (id !== root && this.registry.get(id)) this.canvas.addMarker(id, marker);
  }

  badge(id: string, text: string, kind: string, title = text): void {
    if (!this.registry.get(id)) return;
    const html = document.createElement('span');
    html.className = `diagram-badge ${kind}`;
    html.textContent = text;
    html.title = title;
    this.viewer.get<Overlays>('overlays', true).add(id, kind, { position: { bottom: 8, right: 8 }, html });
  }

  clearBadges(kind: string): void {
    this.viewer.get<Overlays>('overlays', true).remove({ type: kind });
  }

  /** Flow nodes (not flows, labels or the process) with their names, for pickers. */
  flowNodes(): { id: string; name: string }[] {
    return this.registry
      .filter((element) => element.type !== 'label' && !element.waypoints && element.type.startsWith('bpmn:') && !['bpmn:Process', 'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:Lane'].includes(element.type))
      .map((element) => ({ id: element.id, name: element.businessObject.name ?? element.id }));
  }

  /**
   * The flow nodes and sequence flows of one process of the diagram (all processes without an
   * id), those of its subprocesses included: what a scenario can enter and take, for coverage.
   */
  processElements(processId?: string): ProcessElements {
    const elements = this.registry.filter((element) => element.type !== 'label' && (processId === undefined || processOf(element.businessObject)?.id === processId));
    return {
      flowNodes: elements.filter((element) => element.businessObject.$instanceOf('bpmn:FlowNode')).map((element) => element.id),
      sequenceFlows: elements.filter((element) => element.type === 'bpmn:SequenceFlow').map((element) => element.id),
    };
  }

  /** The name of an element, or its id when it has none (or is not in the diagram). */
  nameOf(id: string): string {
    return this.registry.get(id)?.businessObject.name ?? id;
  }

  onClick(handler: (id: string) => void): void {
    this.viewer.on('element.click', (event: { element: DiagramElement }) => handler(event.element.id));
  }

  destroy(): void {
    this.viewer.destroy();
  }
}

function processOf(element: BusinessObject | undefined): BusinessObject | undefined {
  let current = element?.$parent;
  while (current && current.$type !== 'bpmn:Process') current = current.$parent;
  return current;
}

/** Element ids of flow nodes in a BPMN document, for a migration target, without rendering it. */
export function flowNodeIdsOf(xml: string): { id: string; name: string }[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const nodes: { id: string; name: string }[] = [];
  for (const element of Array.from(doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', '*'))) {
    const id = element.getAttribute('id');
    if (!id || !/(Task|Event|Gateway|SubProcess|CallActivity|task)$/.test(element.localName) || element.localName.endsWith('EventDefinition')) continue;
    nodes.push({ id, name: element.getAttribute('name') ?? id });
  }
  return nodes;
}

/** The ids of the processes a BPMN document defines, without rendering it. */
export function processIdsOf(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')).map((process) => process.getAttribute('id') ?? '').filter((id) => id !== '');
}

/** Fits the diagram into the viewport, but never enlarges a small one (tools sit in the top-left corner). */
export function fitDiagram(canvas: { zoom(level?: 'fit-viewport' | number, center?: 'auto'): number }): void {
  if (canvas.zoom('fit-viewport', 'auto') > 1) canvas.zoom(1, 'auto');
}
