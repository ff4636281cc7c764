import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The intake (issue 6, ADR 0008): applications from the state portal, shaped like a FIT-Connect
 * destination.
 *
 * - `tenant_service`: which services (LeiKa URN) a tenant offers, through which route, started by
 *   which message, with the JSON Schema of the application data. Written when a route is
 *   deployed for the tenant; the intake reads it.
 * - `submission`: every submission as received, accepted or rejected (the rejected ones for the
 *   audit). `data_raw` holds the exact bytes the portal hashed, `data` the parsed JSON. The
 *   application role may insert and read it and change only `status`, `receipt` and
 *   `process_instance_key` (column privileges); a trigger refuses any change of the received
 *   content, for the owner too, except the erasure `erase_submission()` performs.
 * - `submission_attachment`: the attachments' bytes with their SHA-512; insert and read only.
 *
 * Row-level security like every tenant table. `submission_id` is unique across tenants (FIT-Connect
 * assigns system-wide unique ids), so the same id sent to two destinations is a conflict.
 */
export class Submissions1764340600000 implements MigrationInterface {
  name = 'Submissions1764340600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE tenant_service (
         tenant_id     text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
         service_id    text        NOT NULL CHECK (service_id ~ '^urn:de:fim:leika:leistung:[0-9a-z-]+$'),
         service_name  text        NOT NULL,
         route_id      text        NOT NULL,
         process_id    text        NOT NULL,
         start_message text        NOT NULL,
         schema        jsonb       NOT NULL CHECK (jsonb_typeof(schema) = 'object'),
         deployed_at   timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, service_id))`,
      `COMMENT ON TABLE tenant_service IS 'Services (LeiKa) a tenant offers and the route that handles them; filled when a route is deployed for the tenant'`,

      `CREATE TABLE submission (
         tenant_id            text        NOT NULL REFERENCES tenant (id),
         submission_id        text        NOT NULL PRIMARY KEY CHECK (submission_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
         case_id              text        NOT NULL CHECK (case_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
         service_id           text        NOT NULL,
         fingerprint          text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{128}$'),
         metadata             jsonb       NULL,
         data                 jsonb       NULL,
         data_raw             bytea       NULL,
         status               text        NOT NULL CHECK (status IN ('accepted', 'rejected', 'erased')),
         receipt              jsonb       NULL,
         process_instance_key bigint      NULL,
         received_at          timestamptz NOT NULL,
         erased_at            timestamptz NULL,
         UNIQUE (tenant_id, submission_id))`,
      `COMMENT ON COLUMN submission.data_raw IS 'The application data exactly as received: the bytes contentStructure.data.hash names'`,
      `COMMENT ON COLUMN submission.fingerprint IS 'SHA-512 over the whole request (envelope, metadata, data, attachments): an identical resend is a duplicate, a different one a conflict'`,
      `CREATE INDEX submission_tenant_received ON submission (tenant_id, received_at DESC)`,
      `CREATE INDEX submission_instance ON submission (tenant_id, process_instance_key) WHERE process_instance_key IS NOT NULL`,

      `CREATE TABLE submission_attachment (
         tenant_id     text   NOT NULL,
         submission_id text   NOT NULL,
         attachment_id text   NOT NULL CHECK (attachment_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
         name          text   NOT NULL,
         media_type    text   NOT NULL,
         purpose       text   NULL,
         size          bigint NOT NULL CHECK (size >= 0),
         sha512        text   NOT NULL CHECK (sha512 ~ '^[0-9a-f]{128}$'),
         content       bytea  NULL,
         PRIMARY KEY (tenant_id, submission_id, attachment_id),
         FOREIGN KEY (tenant_id, submission_id) REFERENCES submission (tenant_id, submission_id))`,

      // The received content never changes; only the outcome columns may, and the owner's erasure.
      `CREATE FUNCTION submission_keep_content() RETURNS trigger
         LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
       AS $$
       BEGIN
         IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.submission_id IS DISTINCT FROM OLD.submission_id
            OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.service_id IS DISTINCT FROM OLD.service_id
            OR NEW.fingerprint IS DISTINCT FROM OLD.fingerprint OR NEW.received_at IS DISTINCT FROM OLD.received_at THEN
           RAISE EXCEPTION 'submission % is immutable: its identity cannot change', OLD.submission_id USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         IF NEW.metadata IS DISTINCT FROM OLD.metadata OR NEW.data IS DISTINCT FROM OLD.data OR NEW.data_raw IS DISTINCT FROM OLD.data_raw THEN
           -- Erasure only: everything personal gone at once, marked, and never undone.
           IF NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.status = 'erased'
                   AND NEW.metadata IS NULL AND NEW.data IS NULL AND NEW.data_raw IS NULL) THEN
             RAISE EXCEPTION 'submission % is immutable: its received content cannot change', OLD.submission_id USING ERRCODE = 'integrity_constraint_violation';
           END IF;
         END IF;
         IF OLD.erased_at IS NOT NULL AND NEW.erased_at IS DISTINCT FROM OLD.erased_at THEN
           RAISE EXCEPTION 'submission % was erased', OLD.submission_id USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         RETURN NEW;
       END
       $$`,
      `CREATE TRIGGER submission_immutable BEFORE UPDATE ON submission FOR EACH ROW EXECUTE FUNCTION submission_keep_content()`,
      `CREATE FUNCTION submission_attachment_keep_content() RETURNS trigger
         LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
       AS $$
       BEGIN
         IF NEW IS DISTINCT FROM OLD AND NOT (OLD.content IS NOT NULL AND NEW.content IS NULL
             AND (NEW.tenant_id, NEW.submission_id, NEW.attachment_id, NEW.sha512, NEW.size) IS NOT DISTINCT FROM (OLD.tenant_id, OLD.submission_id, OLD.attachment_id, OLD.sha512, OLD.size)) THEN
           RAISE EXCEPTION 'attachment % of submission % is immutable', OLD.attachment_id, OLD.submission_id USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         RETURN NEW;
       END
       $$`,
      `CREATE TRIGGER submission_attachment_immutable BEFORE UPDATE ON submission_attachment FOR EACH ROW EXECUTE FUNCTION submission_attachment_keep_content()`,

      // Retention: the owner's way to drop the personal content of a submission whose route ended
      // and was erased (ADR 0005), or of a rejected one; hashes, ids and the receipt stay as proof.
      `CREATE FUNCTION erase_submission(p_tenant_id text, p_submission_id text) RETURNS boolean
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
       AS $$
       DECLARE
         scope text := coalesce(current_setting('laufweg.tenants', true), '');
         target record;
       BEGIN
         IF scope <> '*' AND NOT (p_tenant_id = ANY (string_to_array(scope, ','))) THEN
           RAISE EXCEPTION 'tenant % is not in this session''s scope', p_tenant_id USING ERRCODE = 'insufficient_privilege';
         END IF;
         SELECT s.status, s.erased_at, p.erased_at AS instance_erased_at, p.legal_hold INTO target
           FROM public.submission s
           LEFT JOIN public.process_instance p ON p.tenant_id = s.tenant_id AND p.key = s.process_instance_key
          WHERE s.tenant_id = p_tenant_id AND s.submission_id = p_submission_id FOR UPDATE OF s;
         IF NOT FOUND OR target.erased_at IS NOT NULL OR coalesce(target.legal_hold, false)
            OR (target.status = 'accepted' AND target.instance_erased_at IS NULL) THEN
           RETURN false;
         END IF;
         UPDATE public.submission_attachment SET content = NULL WHERE tenant_id = p_tenant_id AND submission_id = p_submission_id AND content IS NOT NULL;
         UPDATE public.submission SET metadata = NULL, data = NULL, data_raw = NULL, status = 'erased', erased_at = now()
          WHERE tenant_id = p_tenant_id AND submission_id = p_submission_id;
         RETURN true;
       END
       $$`,
      `COMMENT ON FUNCTION erase_submission(text, text) IS 'Drops the personal content of a rejected submission or of one whose instance tree was erased (ADR 0005, 0008); true when it did'`,
      `REVOKE ALL ON FUNCTION erase_submission(text, text) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION erase_submission(text, text) TO laufweg_app`,

      `GRANT SELECT, INSERT, UPDATE ON tenant_service TO laufweg_app`,
      `GRANT SELECT, INSERT ON submission TO laufweg_app`,
      `GRANT UPDATE (status, receipt, process_instance_key) ON submission TO laufweg_app`,
      `GRANT SELECT, INSERT ON submission_attachment TO laufweg_app`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
    // Row-level security like every tenant table (RowLevelSecurity1764340400000).
    for (const table of ['tenant_service', 'submission', 'submission_attachment']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `DROP FUNCTION erase_submission(text, text)`,
      `DROP TABLE submission_attachment`,
      `DROP TABLE submission`,
      `DROP FUNCTION submission_attachment_keep_content()`,
      `DROP FUNCTION submission_keep_content()`,
      `DROP TABLE tenant_service`,
    ]) {
      await queryRunner.query(statement);
    }
  }
}
