export * from './executable-model';
export { compileDefinitions } from './compile-definitions';
