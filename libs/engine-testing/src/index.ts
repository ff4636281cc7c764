export * from './lib/engine-harness';
export * from './lib/fake-clock';
export * from './lib/record-stream';
