import { boundaryEventAttachmentRule } from './rules/boundary-event-attachment.rule';
import { boundaryEventIncomingRule } from './rules/boundary-event-incoming.rule';
import { boundaryEventScopeRule } from './rules/boundary-event-scope.rule';
import { boundaryEventTriggerRule } from './rules/boundary-event-trigger.rule';
import { c7AsyncAfterEventGatewayRule } from './rules/c7-async-after-event-gateway.rule';
import { c7ExpressionSyntaxRule } from './rules/c7-expression-syntax.rule';
import { c7HistoryTtlInvalidRule } from './rules/c7-history-ttl-invalid.rule';
import { c7IoMappingIncompleteRule } from './rules/c7-io-mapping-incomplete.rule';
import { c7ListenerIncompleteRule } from './rules/c7-listener-incomplete.rule';
import { callActivityCalledElementRule } from './rules/call-activity-called-element.rule';
import { catchEventAmbiguousRule } from './rules/catch-event-ambiguous.rule';
import { compensationBoundaryFlowRule } from './rules/compensation-boundary-flow.rule';
import { compensationHandlerFlowsRule } from './rules/compensation-handler-flows.rule';
import { compensationHandlerMultipleRule } from './rules/compensation-handler-multiple.rule';
import { compensationReferenceRule } from './rules/compensation-reference.rule';
import { conditionalEventConditionMissingRule } from './rules/conditional-event-condition-missing.rule';
import { defaultFlowConditionRule } from './rules/default-flow-condition.rule';
import { defaultFlowNotOutgoingRule } from './rules/default-flow-not-outgoing.rule';
import { duplicateIdRule } from './rules/duplicate-id.rule';
import { elementIdInvalidRule } from './rules/element-id-invalid.rule';
import { endEventOutgoingRule } from './rules/end-event-outgoing.rule';
import { errorCodeMissingRule } from './rules/error-code-missing.rule';
import { escalationCodeMissingRule } from './rules/escalation-code-missing.rule';
import { eventBasedGatewayTargetsRule } from './rules/event-based-gateway-targets.rule';
import { eventSubProcessFlowsRule } from './rules/event-subprocess-flows.rule';
import { eventSubProcessStartRule } from './rules/event-subprocess-start.rule';
import { expressionLanguageUnsupportedRule } from './rules/expression-language-unsupported.rule';
import { feelSyntaxRule } from './rules/feel-syntax.rule';
import { flowNodeDeadEndRule } from './rules/flow-node-dead-end.rule';
import { flowNodeUnreachableRule } from './rules/flow-node-unreachable.rule';
import { gatewayFlowsRule } from './rules/gateway-flows.rule';
import { gatewayUnconditionalFlowRule } from './rules/gateway-unconditional-flow.rule';
import { linkCatchDuplicateRule } from './rules/link-catch-duplicate.rule';
import { linkThrowUnmatchedRule } from './rules/link-throw-unmatched.rule';
import { messageCorrelationKeyMissingRule } from './rules/message-correlation-key-missing.rule';
import { messageReferenceMissingRule } from './rules/message-reference-missing.rule';
import { multiInstanceCollectionMissingRule } from './rules/multi-instance-collection-missing.rule';
import { noneStartEventMultipleRule } from './rules/none-start-event-multiple.rule';
import { parallelGatewayConditionalFlowRule } from './rules/parallel-gateway-conditional-flow.rule';
import { processNotExecutableRule } from './rules/process-not-executable.rule';
import { processStartEventRule } from './rules/process-start-event.rule';
import { receiveTaskMessageMissingRule } from './rules/receive-task-message-missing.rule';
import { referenceWrongTypeRule } from './rules/reference-wrong-type.rule';
import { sequenceFlowCrossesScopeRule } from './rules/sequence-flow-crosses-scope.rule';
import { sequenceFlowMisplacedRule } from './rules/sequence-flow-misplaced.rule';
import { sequenceFlowUnconnectedRule } from './rules/sequence-flow-unconnected.rule';
import { signalNameMissingRule } from './rules/signal-name-missing.rule';
import { startEventIncomingRule } from './rules/start-event-incoming.rule';
import { startEventTriggerRule } from './rules/start-event-trigger.rule';
import { subProcessStartEventRule } from './rules/subprocess-start-event.rule';
import { subProcessStartTriggerRule } from './rules/subprocess-start-trigger.rule';
import { taskDefinitionMissingRule } from './rules/task-definition-missing.rule';
import { timerDefinitionMissingRule } from './rules/timer-definition-missing.rule';
import { timerValueInvalidRule } from './rules/timer-value-invalid.rule';
import { zeebeIoMappingIncompleteRule } from './rules/zeebe-io-mapping-incomplete.rule';
import type { ValidationRule } from './validation-rule';

/** Every validation rule, in reporting order: structure, modeling, execution, Zeebe, Camunda 7. One line per rule. */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  boundaryEventAttachmentRule,
  defaultFlowNotOutgoingRule,
  duplicateIdRule,
  referenceWrongTypeRule,
  sequenceFlowCrossesScopeRule,
  sequenceFlowUnconnectedRule,
  boundaryEventIncomingRule,
  boundaryEventScopeRule,
  boundaryEventTriggerRule,
  catchEventAmbiguousRule,
  compensationBoundaryFlowRule,
  compensationHandlerFlowsRule,
  compensationHandlerMultipleRule,
  compensationReferenceRule,
  defaultFlowConditionRule,
  endEventOutgoingRule,
  eventBasedGatewayTargetsRule,
  eventSubProcessFlowsRule,
  eventSubProcessStartRule,
  parallelGatewayConditionalFlowRule,
  sequenceFlowMisplacedRule,
  startEventIncomingRule,
  startEventTriggerRule,
  subProcessStartTriggerRule,
  callActivityCalledElementRule,
  conditionalEventConditionMissingRule,
  elementIdInvalidRule,
  errorCodeMissingRule,
  escalationCodeMissingRule,
  flowNodeDeadEndRule,
  flowNodeUnreachableRule,
  gatewayFlowsRule,
  gatewayUnconditionalFlowRule,
  linkCatchDuplicateRule,
  linkThrowUnmatchedRule,
  messageReferenceMissingRule,
  multiInstanceCollectionMissingRule,
  processNotExecutableRule,
  processStartEventRule,
  signalNameMissingRule,
  subProcessStartEventRule,
  timerDefinitionMissingRule,
  expressionLanguageUnsupportedRule,
  feelSyntaxRule,
  messageCorrelationKeyMissingRule,
  noneStartEventMultipleRule,
  receiveTaskMessageMissingRule,
  taskDefinitionMissingRule,
  timerValueInvalidRule,
  zeebeIoMappingIncompleteRule,
  c7AsyncAfterEventGatewayRule,
  c7ExpressionSyntaxRule,
  c7HistoryTtlInvalidRule,
  c7IoMappingIncompleteRule,
  c7ListenerIncompleteRule,
];
