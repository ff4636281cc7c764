import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application role and the tenant register. The role is created without login: the
 * service (or the operator, through DATABASE_APP_URL) decides how it logs in. A DBA who does not
 * give the migration owner CREATEROLE creates `laufweg_app` beforehand; then this only grants.
 */
export class InitialSchema1764340000000 implements MigrationInterface {
  name = 'InitialSchema1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'laufweg_app') THEN
          CREATE ROLE laufweg_app NOLOGIN;
        END IF;
      EXCEPTION
        -- Two databases migrated at once on one server race for the cluster-wide role.
        WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $$`);
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO laufweg_app`);
    await queryRunner.query(`
      CREATE TABLE tenant (
        id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name        text        NOT NULL,
        official_key text       NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`COMMENT ON COLUMN tenant.official_key IS 'Amtlicher Gemeindeschlüssel (AGS) of the municipality'`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON tenant TO laufweg_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tenant`);
  }
}
