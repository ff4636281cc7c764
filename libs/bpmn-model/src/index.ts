export * from './lib/problem';
export * from './lib/feel';
export * from './lib/compile';
export * from './lib/parse';
export * from './lib/serialize';
export * from './lib/validate';
export * from './lib/load-bpmn-model';
export * from './lib/dmn';
