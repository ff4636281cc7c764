import { TenantEntity } from './tenant.entity';

export { TenantEntity };

/** Every entity, listed explicitly (glob discovery breaks when bundled). */
export const entities = [TenantEntity] as const;
