export * from './test-database';
export * from './tcp-proxy';
