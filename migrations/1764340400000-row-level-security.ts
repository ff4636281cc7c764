import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security as the floor under the application's own tenant checks (ADR 0004). Every
 * table with a `tenant_id` column (and `tenant` itself) gets a policy: the application role sees
 * and writes only rows of the tenants named in the transaction's or session's
 * `laufweg.tenants` setting (comma-separated ids; `*` for the engine's own background work
 * across tenants). Unset means no rows at all. The owner is not subject to the policies
 * (migrations, operators' tools). A later migration that adds a tenant table must add the policy
 * too; a test checks that every such table has one.
 */
export class RowLevelSecurity1764340400000 implements MigrationInterface {
  name = 'RowLevelSecurity1764340400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION laufweg_tenant_visible(candidate text) RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog
      AS $$
        SELECT coalesce(current_setting('laufweg.tenants', true), '') = '*'
            OR candidate = ANY (string_to_array(coalesce(current_setting('laufweg.tenants', true), ''), ','))
      $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION laufweg_tenant_visible(text) TO laufweg_app`);
    await queryRunner.query(`
      DO $$
      DECLARE
        target record;
      BEGIN
        FOR target IN
          SELECT c.table_name, CASE WHEN c.table_name = 'tenant' THEN 'id' ELSE 'tenant_id' END AS tenant_column
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
           WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
             AND (c.column_name = 'tenant_id' OR (c.table_name = 'tenant' AND c.column_name = 'id'))
        LOOP
          EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', target.table_name);
          EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (laufweg_tenant_visible(%I)) WITH CHECK (laufweg_tenant_visible(%I))',
            target.table_name, target.tenant_column, target.tenant_column);
        END LOOP;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      DECLARE
        target record;
      BEGIN
        FOR target IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' LOOP
          EXECUTE format('DROP POLICY tenant_isolation ON %I', target.tablename);
          EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', target.tablename);
        END LOOP;
      END
      $$`);
    await queryRunner.query(`DROP FUNCTION laufweg_tenant_visible(text)`);
  }
}
