export * from './lib/database/app-role';
export * from './lib/database/connection-url';
export * from './lib/database/database-bootstrap';
export * from './lib/database/embedded-postgres-server';
export * from './lib/database/migration-runner';
export * from './lib/database/migration-status';
export * from './lib/database/postgres-server';
export * from './lib/entities';
