/** A route being edited: the BPMN and the forms and decisions deployed with it. */
export interface RouteDraft {
  readonly bpmnName: string;
  readonly bpmn: string;
  /** File name -> content (`.form` JSON, `.dmn` XML). */
  readonly resources: Record<string, string>;
  readonly savedAt?: string;
}

const KEY = 'laufweg.draft';

/** Drafts live in the browser's local storage (one per tenant) until they are deployed. */
export function loadDraft(tenantId: string): RouteDraft | null {
  const text = localStorage.getItem(`${KEY}.${tenantId}`);
  if (!text) return null;
  try {
    return JSON.parse(text) as RouteDraft;
  } catch {
    return null;
  }
}

export function saveDraft(tenantId: string, draft: RouteDraft): RouteDraft {
  const saved = { ...draft, savedAt: new Date().toISOString() };
  localStorage.setItem(`${KEY}.${tenantId}`, JSON.stringify(saved));
  return saved;
}

export const EMPTY_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="definitions" targetNamespace="https://laufweg.example/routes">
  <bpmn:process id="neuer-laufweg" name="Neuer Laufweg" isExecutable="true">
    <bpmn:startEvent id="antrag-eingegangen" name="Antrag eingegangen" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="neuer-laufweg">
      <bpmndi:BPMNShape id="antrag-eingegangen_di" bpmnElement="antrag-eingegangen"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

export const EMPTY_FORM = (id: string): string => JSON.stringify({ id, type: 'default', components: [], schemaVersion: 16 }, null, 2);

export const EMPTY_DMN = (id: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="${id}" name="${id}" namespace="https://laufweg.example/decisions">
  <decision id="${id}-decision" name="Entscheidung">
    <decisionTable id="${id}-table" hitPolicy="FIRST">
      <input id="input1" label="Eingabe"><inputExpression id="inputExpression1" typeRef="string"><text>wert</text></inputExpression></input>
      <output id="output1" label="Ergebnis" name="ergebnis" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI><dmndi:DMNDiagram id="${id}-diagram"><dmndi:DMNShape id="${id}-shape" dmnElementRef="${id}-decision"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape></dmndi:DMNDiagram></dmndi:DMNDI>
</definitions>
`;
