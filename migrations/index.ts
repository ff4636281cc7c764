import { InitialSchema1764340000000 } from './1764340000000-initial-schema';
import { RuntimeSchema1764340100000 } from './1764340100000-runtime-schema';
import { Identity1764340200000 } from './1764340200000-identity';
import { ApiResources1764340250000 } from './1764340250000-api-resources';
import { Audit1764340300000 } from './1764340300000-audit';
import { RowLevelSecurity1764340400000 } from './1764340400000-row-level-security';
import { InlinableTenantPolicy1764340500000 } from './1764340500000-inlinable-tenant-policy';
import { DeploymentValues1764340550000 } from './1764340550000-deployment-values';
import { Submissions1764340600000 } from './1764340600000-submissions';
import { Documents1764340700000 } from './1764340700000-documents';
import { RetentionConnectedData1764340800000 } from './1764340800000-retention-connected-data';

/** Every migration, in the order they apply. Never discovered by glob (it breaks when bundled). */
export const migrations = [
  InitialSchema1764340000000,
  RuntimeSchema1764340100000,
  Identity1764340200000,
  ApiResources1764340250000,
  Audit1764340300000,
  RowLevelSecurity1764340400000,
  InlinableTenantPolicy1764340500000,
  DeploymentValues1764340550000,
  Submissions1764340600000,
  Documents1764340700000,
  RetentionConnectedData1764340800000,
] as const;

/** Names as TypeORM records them in `laufweg_migrations`, for the readiness check. */
export const migrationNames: readonly string[] = migrations.map((migration) => migration.name);
