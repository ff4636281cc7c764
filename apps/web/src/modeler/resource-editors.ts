import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { FormEditor } from '@bpmn-io/form-js';
import DmnModeler from 'dmn-js/lib/Modeler';

/** One open resource editor: its current content, and cleanup. */
export interface ResourceEditor {
  content(): Promise<string>;
  destroy(): void;
}

/** The form-js editor for a task form (`.form`, JSON). */
export async function openFormEditor(container: HTMLElement, content: string): Promise<ResourceEditor> {
  const editor = new FormEditor({ container });
  await editor.importSchema(JSON.parse(content) as never);
  return { content: () => Promise.resolve(JSON.stringify(editor.saveSchema(), null, 2)), destroy: () => editor.destroy() };
}

interface DmnView {
  readonly type: string;
}

/** dmn-js for decision tables (`.dmn`): opens the first decision table, else the DRD. */
export async function openDmnEditor(container: HTMLElement, content: string): Promise<ResourceEditor> {
  const modeler = new DmnModeler({ container, common: { keyboard: { bindTo: container } } });
  await modeler.importXML(content);
  const table = (modeler.getViews() as DmnView[]).find((view) => view.type === 'decisionTable');
  if (table) await modeler.open(table);
  return {
    content: async () => ((await modeler.saveXML({ format: true })) as { xml: string }).xml,
    destroy: () => modeler.destroy(),
  };
}
