/** Test helpers: in-memory ports, a kit that runs the simulated connectors, and reading PDFs back. */
export * from './connector-test-kit';
export * from './in-memory-ports';
export * from './pdf-text';
