/**
 * Engine tests that expect the model to be refused.
 * - `core`: Camunda 7's parse-area tests the corpus README names (Invalid / ThrowsError / XXE /
 *   malformed, negative or empty TTL / ParsingErrors): these must all be refused.
 * - `extended`: Camunda 7's parse-invalid tests of other areas (compensation, escalation,
 *   signal, link, event-based gateway).
 * - `other`: tests of Camunda 7 or Flowable whose name says the deployment fails (`...Fails`,
 *   `...NotAllowed`) or whose Java test expects a parse exception (listed by name).
 * None of them counts as a positive corpus model.
 */
const CORE = /^bpmn\/parse\/.*(Invalid|ThrowsError|XXE|ParsingErrors|MalformedStringTtl|NegativeTtl|EmptyTtl)/;
const EXTENDED = /(ParseInvalidProcessTest\.|\/InvalidProcessWith|testInvalidEventLinkMultipleTargets|testEventInvalidSequenceFlow)/;
const OTHER =
  /(Fails|NotAllowed)\.bpmn|testConnectedToActivity|testDuplicateAssigneeDeclaration|testEventInvalidSequenceFlow|testInvalidEventLinkMultipleTargets|BpmnParseTest\.testInvalidProcessDefinition/;

export type NegativeKind = 'core' | 'extended' | 'other';

/** The kind of refusal-expected test a model is (path relative to its corpus folder), if any. */
export function negativeKind(corpus: 'camunda7' | 'flowable', relativePath: string): NegativeKind | undefined {
  if (corpus === 'camunda7' && CORE.test(relativePath)) return 'core';
  if (corpus === 'camunda7' && EXTENDED.test(relativePath)) return 'extended';
  if (OTHER.test(relativePath)) return 'other';
  return undefined;
}
