import { must, type ApplierTable } from './applier';

type SubscriptionEvents =
  | 'TimerCreated'
  | 'TimerTriggered'
  | 'TimerCanceled'
  | 'MessageSubscriptionCreated'
  | 'MessageSubscriptionCorrelated'
  | 'MessageSubscriptionDeleted'
  | 'MessagePublished'
  | 'MessageExpired'
  | 'SignalBroadcast'
  | 'SignalSubscriptionCreated'
  | 'SignalSubscriptionDeleted'
  | 'ConditionalSubscriptionCreated'
  | 'ConditionalSubscriptionEvaluated'
  | 'ConditionalSubscriptionDeleted'
  | 'CompensationSubscriptionCreated'
  | 'CompensationSubscriptionMoved'
  | 'CompensationSubscriptionDeleted';

export const subscriptionAppliers: ApplierTable<SubscriptionEvents> = {
  TimerCreated: (state, event) => {
    state.timers[event.timer.key] = { ...event.timer };
  },
  TimerTriggered: (state, event) => {
    delete state.timers[event.key];
  },
  TimerCanceled: (state, event) => {
    delete state.timers[event.key];
  },
  MessageSubscriptionCreated: (state, event) => {
    state.messageSubscriptions[event.subscription.key] = { ...event.subscription };
  },
  MessageSubscriptionCorrelated: (state, event) => {
    // An interrupting or single-use subscription is deleted by its owner leaving; nothing to keep.
    must(state.messageSubscriptions[event.key], 'message subscription');
  },
  MessageSubscriptionDeleted: (state, event) => {
    delete state.messageSubscriptions[event.key];
  },
  MessagePublished: (state, event) => {
    if (event.buffered) state.messages[event.message.key] = { ...event.message };
  },
  MessageExpired: (state, event) => {
    delete state.messages[event.key];
  },
  SignalBroadcast: () => undefined,
  SignalSubscriptionCreated: (state, event) => {
    state.signalSubscriptions[event.subscription.key] = { ...event.subscription };
  },
  SignalSubscriptionDeleted: (state, event) => {
    delete state.signalSubscriptions[event.key];
  },
  ConditionalSubscriptionCreated: (state, event) => {
    state.conditionalSubscriptions[event.subscription.key] = { ...event.subscription };
  },
  ConditionalSubscriptionEvaluated: (state, event) => {
    must(state.conditionalSubscriptions[event.key], 'conditional subscription').lastResult = event.result;
  },
  ConditionalSubscriptionDeleted: (state, event) => {
    delete state.conditionalSubscriptions[event.key];
  },
  CompensationSubscriptionCreated: (state, event) => {
    state.compensationSubscriptions[event.subscription.key] = { ...event.subscription };
  },
  CompensationSubscriptionMoved: (state, event) => {
    must(state.compensationSubscriptions[event.key], 'compensation subscription').flowScopeKey = event.flowScopeKey;
  },
  CompensationSubscriptionDeleted: (state, event) => {
    delete state.compensationSubscriptions[event.key];
  },
};
