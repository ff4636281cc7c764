import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant memberships (ADR 0006): which subject (the `sub` of its tokens) belongs to which tenant,
 * and in which groups (candidate groups of user tasks). Roles are not stored: they come from the
 * identity provider's token. An admin keeps the rows through /api/v1/tenants/:tenantId/members.
 */
export class Identity1764340200000 implements MigrationInterface {
  name = 'Identity1764340200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tenant_member (
        tenant_id  text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
        groups     text[]      NOT NULL DEFAULT '{}' CHECK (array_position(groups, NULL) IS NULL),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, subject)
      )`);
    await queryRunner.query(`COMMENT ON COLUMN tenant_member.subject IS 'The sub claim of the member''s tokens'`);
    // Every request reads its caller's memberships by subject.
    await queryRunner.query(`CREATE INDEX tenant_member_subject ON tenant_member (subject)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_member TO laufweg_app`);
    // Row-level security (RowLevelSecurity1764340400000) covers every tenant table that exists when
    // it runs; a database that got it before this migration gets the same policy here.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF to_regprocedure('laufweg_tenant_visible(text)') IS NOT NULL THEN
          ALTER TABLE tenant_member ENABLE ROW LEVEL SECURITY;
          CREATE POLICY tenant_isolation ON tenant_member
            USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tenant_member`);
  }
}
