import type { ElementProcessor } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { ElementInstanceRecord, InstanceType } from '../state/engine-state';
import { CompensationBehavior } from './compensation.behavior';
import { DecisionBehavior } from './decision.behavior';
import { ExpressionBehavior } from './expression.behavior';
import { FlowBehavior } from './flow.behavior';
import { IncidentBehavior } from './incident.behavior';
import { InstanceBehavior } from './instance.behavior';
import { JobBehavior } from './job.behavior';
import { LifecycleBehavior } from './lifecycle.behavior';
import { SubscriptionBehavior } from './subscription.behavior';
import { ThrowBehavior } from './throw.behavior';
import { TriggerBehavior } from './trigger.behavior';
import { VariableBehavior } from './variable.behavior';

export type ProcessorTable = { readonly [K in InstanceType]: ElementProcessor };

/**
 * The shared logic processors compose, one behavior per concern. Created per command over
 * the command's Processing; behaviors emit events, never write state.
 */
export class Behaviors {
  readonly variables: VariableBehavior;
  readonly expressions: ExpressionBehavior;
  readonly decisions: DecisionBehavior;
  readonly incidents: IncidentBehavior;
  readonly jobs: JobBehavior;
  readonly subscriptions: SubscriptionBehavior;
  readonly lifecycle: LifecycleBehavior;
  readonly flows: FlowBehavior;
  readonly triggers: TriggerBehavior;
  readonly throws: ThrowBehavior;
  readonly compensation: CompensationBehavior;
  readonly instances: InstanceBehavior;

  constructor(
    readonly processing: Processing,
    private readonly processors: ProcessorTable,
  ) {
    this.variables = new VariableBehavior(processing);
    this.expressions = new ExpressionBehavior(processing, this.variables);
    this.decisions = new DecisionBehavior(processing, this.expressions, this.variables);
    this.incidents = new IncidentBehavior(processing);
    this.jobs = new JobBehavior(processing, this.expressions);
    this.subscriptions = new SubscriptionBehavior(processing, this.expressions);
    this.lifecycle = new LifecycleBehavior(processing, this);
    this.flows = new FlowBehavior(processing, this);
    this.triggers = new TriggerBehavior(processing, this);
    this.throws = new ThrowBehavior(processing, this);
    this.compensation = new CompensationBehavior(processing, this);
    this.instances = new InstanceBehavior(processing, this);
  }

  processorOf(instance: Pick<ElementInstanceRecord, 'elementType'>): ElementProcessor {
    return this.processors[instance.elementType];
  }
}
