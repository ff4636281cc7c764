/** The map job type → Connector the engine runs (createSimulatedConnectors). */
export const CONNECTORS = Symbol('CONNECTORS');
/** The payment ledger, clock and publisher the pay page settles payments with. */
export const PAYMENT_DEPS = Symbol('PAYMENT_DEPS');
