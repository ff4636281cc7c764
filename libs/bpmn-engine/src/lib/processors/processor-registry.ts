import type { ProcessorTable } from '../behaviors/behaviors';
import { adHocSubProcessProcessor } from './ad-hoc-sub-process.processor';
import { boundaryEventProcessor } from './boundary-event.processor';
import { businessRuleTaskProcessor } from './business-rule-task.processor';
import { callActivityProcessor } from './call-activity.processor';
import { endEventProcessor } from './end-event.processor';
import { eventSubProcessProcessor } from './event-sub-process.processor';
import {
  complexGatewayProcessor,
  eventBasedGatewayProcessor,
  exclusiveGatewayProcessor,
  inclusiveGatewayProcessor,
  parallelGatewayProcessor,
} from './gateway.processors';
import { intermediateCatchEventProcessor } from './intermediate-catch-event.processor';
import { intermediateThrowEventProcessor } from './intermediate-throw-event.processor';
import { jobWorkerTaskProcessor } from './job-worker-task.processor';
import { multiInstanceBodyProcessor } from './multi-instance-body.processor';
import { processProcessor } from './process.processor';
import { receiveTaskProcessor } from './receive-task.processor';
import { scriptTaskProcessor } from './script-task.processor';
import { startEventProcessor } from './start-event.processor';
import { subProcessProcessor } from './sub-process.processor';
import { taskProcessor } from './task.processor';
import { userTaskProcessor } from './user-task.processor';

/** One line per element type: adding an element type touches this table and its processor. */
export const processors: ProcessorTable = {
  process: processProcessor,
  startEvent: startEventProcessor,
  endEvent: endEventProcessor,
  intermediateCatchEvent: intermediateCatchEventProcessor,
  intermediateThrowEvent: intermediateThrowEventProcessor,
  boundaryEvent: boundaryEventProcessor,
  task: taskProcessor,
  manualTask: taskProcessor,
  serviceTask: jobWorkerTaskProcessor,
  sendTask: jobWorkerTaskProcessor,
  businessRuleTask: businessRuleTaskProcessor,
  scriptTask: scriptTaskProcessor,
  userTask: userTaskProcessor,
  receiveTask: receiveTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
  complexGateway: complexGatewayProcessor,
  subProcess: subProcessProcessor,
  transaction: subProcessProcessor,
  eventSubProcess: eventSubProcessProcessor,
  adHocSubProcess: adHocSubProcessProcessor,
  callActivity: callActivityProcessor,
  multiInstanceBody: multiInstanceBodyProcessor,
};
