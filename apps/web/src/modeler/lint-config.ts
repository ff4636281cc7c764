import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import type { EngineProblems } from './engine-lint';

// The subset of bpmnlint's recommended rules that fits the engine's dialect (it has its own
// checks for gateways and conditions), plus the engine's validation as `laufweg/*` rules.
const RULES = {
  'end-event-required': ['error', endEventRequired],
  'start-event-required': ['error', startEventRequired],
  'event-based-gateway': ['error', eventBasedGateway],
  'no-bpmndi': ['error', noBpmndi],
  'no-disconnected': ['error', noDisconnected],
  'no-duplicate-sequence-flows': ['error', noDuplicateSequenceFlows],
  'no-implicit-end': ['error', noImplicitEnd],
  'no-implicit-start': ['error', noImplicitStart],
  'single-blank-start-event': ['error', singleBlankStartEvent],
  'single-event-definition': ['error', singleEventDefinition],
  'no-implicit-split': ['warn', noImplicitSplit],
  'fake-join': ['warn', fakeJoin],
  'label-required': ['warn', labelRequired],
  'no-gateway-join-fork': ['warn', noGatewayJoinFork],
  'no-overlapping-elements': ['warn', noOverlappingElements],
  'superfluous-gateway': ['warn', superfluousGateway],
} as const;

/** `{ config, resolver }` for bpmn-js-bpmnlint. */
export function lintConfig(engine: EngineProblems): { config: { rules: Record<string, string> }; resolver: unknown } {
  const cache: Record<string, unknown> = { ...engine.rules() };
  const rules: Record<string, string> = { 'laufweg/engine-errors': 'error', 'laufweg/engine-warnings': 'warn' };
  for (const [name, [level, factory]] of Object.entries(RULES)) {
    cache[`rule:bpmnlint/${name}`] = factory;
    rules[name] = level;
  }
  return { config: { rules }, resolver: new StaticResolver(cache) };
}
