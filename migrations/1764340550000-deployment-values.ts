import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deployment may carry a municipality's own values ("kommunale Ergänzung") as a `values`
 * resource: JSON that every instance of the deployment's processes starts with as constants.
 * Stored verbatim beside forms and DMN, so a running case keeps the fees and deadlines of the
 * version it started with.
 */
export class DeploymentValues1764340550000 implements MigrationInterface {
  name = 'DeploymentValues1764340550000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deployment_resource DROP CONSTRAINT deployment_resource_kind_check`);
    await queryRunner.query(`ALTER TABLE deployment_resource ADD CONSTRAINT deployment_resource_kind_check CHECK (kind IN ('form', 'dmn', 'values'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM deployment_resource WHERE kind = 'values'`);
    await queryRunner.query(`ALTER TABLE deployment_resource DROP CONSTRAINT deployment_resource_kind_check`);
    await queryRunner.query(`ALTER TABLE deployment_resource ADD CONSTRAINT deployment_resource_kind_check CHECK (kind IN ('form', 'dmn'))`);
  }
}
