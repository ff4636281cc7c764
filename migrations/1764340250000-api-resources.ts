import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forms (form-js JSON) and decision tables (DMN XML) deployed with a BPMN document, stored
 * verbatim with their SHA-256 checksum beside the deployment they came with. `resource_id` is
 * the form's `id` (what `zeebe:formDefinition formId` names) or the DMN definitions' id, so a
 * user task finds its form without parsing every stored form. Immutable like deployments: the
 * application role may read and insert, never change or delete.
 */
export class ApiResources1764340250000 implements MigrationInterface {
  name = 'ApiResources1764340250000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deployment_resource (
        tenant_id      text   NOT NULL,
        deployment_key bigint NOT NULL,
        name           text   NOT NULL,
        kind           text   NOT NULL CHECK (kind IN ('form', 'dmn')),
        resource_id    text   NULL,
        content        text   NOT NULL,
        checksum       text   NOT NULL,
        PRIMARY KEY (tenant_id, deployment_key, name),
        FOREIGN KEY (tenant_id, deployment_key) REFERENCES deployment (tenant_id, key))`);
    await queryRunner.query(`CREATE INDEX deployment_resource_id ON deployment_resource (tenant_id, kind, resource_id, deployment_key DESC)`);
    await queryRunner.query(`GRANT SELECT, INSERT ON deployment_resource TO laufweg_app`);
    // Row-level security (RowLevelSecurity1764340400000) covers every tenant table that exists when
    // it runs; a database that got it before this migration gets the same policy here.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF to_regprocedure('laufweg_tenant_visible(text)') IS NOT NULL THEN
          ALTER TABLE deployment_resource ENABLE ROW LEVEL SECURITY;
          CREATE POLICY tenant_isolation ON deployment_resource
            USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deployment_resource`);
  }
}
