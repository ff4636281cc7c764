import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The `prev_hash` of a tenant's first audit entry (ADR 0005). Keep equal to GENESIS_HASH in libs/persistence. */
const GENESIS_HASH = '0'.repeat(64);
const ISO_DURATION = String.raw`^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$`;

/**
 * The hash-chained audit log and GDPR retention (ADR 0005).
 *
 * - `audit_entry` is one chain per tenant (`seq` 1, 2, ...; each row holds the previous row's
 *   hash). The application role may only INSERT and SELECT it. A statement trigger, running as
 *   the owner, checks that inserted rows continue the chain and advances `audit_head`; the
 *   application role cannot move the head itself (column privileges: it may only create a head
 *   row and move the engine-event cursor).
 * - `instance_event` gets a global order (`seq`), the inserting transaction (`tx_id`, so the
 *   chainer never passes a row that is still uncommitted) and who caused it (`actor`,
 *   `actor_roles`, `request_id`, filled from transaction settings the request context sets).
 * - Retention: `tenant.retention_default`, `process_instance.legal_hold` / `erased_at`, and the
 *   owner's `erase_personal_data(tenant, root)` — the only way the application role can change
 *   `instance_event` rows: it redacts personal values of one ended, not held tree.
 */
export class Audit1764340300000 implements MigrationInterface {
  name = 'Audit1764340300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE audit_head (
         tenant_id text   PRIMARY KEY,
         seq       bigint NOT NULL DEFAULT 0,
         hash      text   NOT NULL DEFAULT '${GENESIS_HASH}',
         event_tx  xid8   NOT NULL DEFAULT '0',
         event_seq bigint NOT NULL DEFAULT 0)`,
      `COMMENT ON TABLE audit_head IS 'Per tenant: the last audit entry (seq, hash; moved only by the audit_entry trigger) and the last instance_event chained (event_tx, event_seq)'`,
      `CREATE TABLE audit_entry (
         tenant_id   text        NOT NULL,
         seq         bigint      NOT NULL CHECK (seq > 0),
         at          timestamptz NOT NULL,
         actor       text        NOT NULL,
         role        text        NULL,
         action      text        NOT NULL,
         target_kind text        NULL,
         target_key  text        NULL,
         request_id  text        NULL,
         details     jsonb       NOT NULL DEFAULT '{}',
         prev_hash   text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
         hash        text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
         PRIMARY KEY (tenant_id, seq))`,
      `CREATE INDEX audit_entry_target ON audit_entry (tenant_id, target_kind, target_key, seq) WHERE target_key IS NOT NULL`,
      `CREATE INDEX audit_entry_at ON audit_entry (tenant_id, at)`,
      `CREATE FUNCTION audit_entry_advance_head() RETURNS trigger
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
       AS $$
       DECLARE
         chain record;
         head record;
       BEGIN
         FOR chain IN SELECT tenant_id, count(*) AS n, min(seq) AS first_seq, max(seq) AS last_seq FROM inserted GROUP BY tenant_id LOOP
           SELECT seq, hash INTO head FROM public.audit_head WHERE tenant_id = chain.tenant_id FOR UPDATE;
           IF NOT FOUND THEN
             RAISE EXCEPTION 'audit chain of tenant % has no head row', chain.tenant_id USING ERRCODE = 'integrity_constraint_violation';
           END IF;
           IF chain.first_seq <> head.seq + 1 OR chain.last_seq - chain.first_seq + 1 <> chain.n THEN
             RAISE EXCEPTION 'audit entries of tenant % must continue the chain at seq %', chain.tenant_id, head.seq + 1 USING ERRCODE = 'integrity_constraint_violation';
           END IF;
           IF EXISTS (SELECT 1 FROM (SELECT prev_hash, lag(hash) OVER (ORDER BY seq) AS before FROM inserted WHERE tenant_id = chain.tenant_id) linked
                       WHERE prev_hash <> coalesce(before, head.hash)) THEN
             RAISE EXCEPTION 'audit entries of tenant % must link to the previous hash', chain.tenant_id USING ERRCODE = 'integrity_constraint_violation';
           END IF;
           UPDATE public.audit_head
              SET seq = chain.last_seq, hash = (SELECT hash FROM inserted WHERE tenant_id = chain.tenant_id AND seq = chain.last_seq)
            WHERE tenant_id = chain.tenant_id;
         END LOOP;
         RETURN NULL;
       END
       $$`,
      `CREATE TRIGGER audit_entry_chain AFTER INSERT ON audit_entry REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_advance_head()`,
      `REVOKE ALL ON FUNCTION audit_entry_advance_head() FROM PUBLIC`,

      `ALTER TABLE instance_event ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`,
      `ALTER TABLE instance_event ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()`,
      `ALTER TABLE instance_event ADD COLUMN actor text NULL DEFAULT nullif(current_setting('laufweg.actor', true), '')`,
      `ALTER TABLE instance_event ADD COLUMN actor_roles text NULL DEFAULT nullif(current_setting('laufweg.actor_roles', true), '')`,
      `ALTER TABLE instance_event ADD COLUMN request_id text NULL DEFAULT nullif(current_setting('laufweg.request_id', true), '')`,
      `CREATE INDEX instance_event_chain ON instance_event (tenant_id, tx_id, seq)`,

      `ALTER TABLE tenant ADD COLUMN retention_default text NOT NULL DEFAULT 'P1Y' CHECK (retention_default ~ '${ISO_DURATION}')`,
      `COMMENT ON COLUMN tenant.retention_default IS 'ISO 8601 duration case data is kept after an instance ends, unless its process declares zeebe:properties retention'`,
      `ALTER TABLE process_instance ADD COLUMN legal_hold boolean NOT NULL DEFAULT false, ADD COLUMN erased_at timestamptz NULL`,
      `CREATE INDEX process_instance_retention ON process_instance (tenant_id, process_definition_key, ended_at)
         WHERE root_key = key AND ended_at IS NOT NULL AND erased_at IS NULL`,

      // Personal values out, procedural skeleton (types, keys, element ids, names, who completed) kept.
      `CREATE FUNCTION redact_personal_data(payload jsonb) RETURNS jsonb
         LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp
       AS $$
       DECLARE
         field text;
         inner_value jsonb;
         result jsonb := '{}';
       BEGIN
         IF jsonb_typeof(payload) = 'array' THEN
           RETURN (SELECT coalesce(jsonb_agg(public.redact_personal_data(a.element) ORDER BY a.position), '[]') FROM jsonb_array_elements(payload) WITH ORDINALITY AS a(element, position));
         ELSIF jsonb_typeof(payload) <> 'object' THEN
           RETURN payload;
         END IF;
         FOR field, inner_value IN SELECT e.key, e.value FROM jsonb_each(payload) AS e LOOP
           result := result || jsonb_build_object(field, CASE
             WHEN field = 'value' THEN 'null'::jsonb
             WHEN field = 'variables' AND jsonb_typeof(inner_value) = 'object'
               THEN (SELECT coalesce(jsonb_object_agg(k.name, 'null'::jsonb), '{}') FROM jsonb_object_keys(inner_value) AS k(name))
             WHEN field = 'collection' AND jsonb_typeof(inner_value) = 'array'
               THEN (SELECT coalesce(jsonb_agg('null'::jsonb), '[]') FROM jsonb_array_elements(inner_value))
             WHEN field IN ('errorMessage', 'message', 'correlationKey') AND jsonb_typeof(inner_value) = 'string' THEN '"[erased]"'::jsonb
             ELSE public.redact_personal_data(inner_value)
           END);
         END LOOP;
         RETURN result;
       END
       $$`,
      `REVOKE ALL ON FUNCTION redact_personal_data(jsonb) FROM PUBLIC`,
      `CREATE FUNCTION erase_personal_data(p_tenant_id text, p_root_key bigint) RETURNS integer
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
       AS $$
       DECLARE
         scope text := coalesce(current_setting('laufweg.tenants', true), '');
         root record;
         redacted integer;
       BEGIN
         -- Row-level security does not bind the owner: check the caller's tenant scope here.
         IF scope <> '*' AND NOT (p_tenant_id = ANY (string_to_array(scope, ','))) THEN
           RAISE EXCEPTION 'tenant % is not in this session''s scope', p_tenant_id USING ERRCODE = 'insufficient_privilege';
         END IF;
         SELECT status, ended_at, erased_at INTO root FROM public.process_instance
          WHERE tenant_id = p_tenant_id AND key = p_root_key AND root_key = p_root_key FOR UPDATE;
         IF NOT FOUND OR root.status = 'active' OR root.ended_at IS NULL OR root.erased_at IS NOT NULL THEN
           RETURN NULL;
         END IF;
         IF EXISTS (SELECT 1 FROM public.process_instance WHERE tenant_id = p_tenant_id AND root_key = p_root_key AND legal_hold) THEN
           RETURN NULL;
         END IF;
         UPDATE public.instance_event SET payload = public.redact_personal_data(payload)
          WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         GET DIAGNOSTICS redacted = ROW_COUNT;
         DELETE FROM public.variable WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         DELETE FROM public.incident WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         UPDATE public.process_instance SET erased_at = now() WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         RETURN redacted;
       END
       $$`,
      `COMMENT ON FUNCTION erase_personal_data(text, bigint) IS 'Redacts the personal data of one ended instance tree that is not on legal hold; returns the number of events redacted, NULL when the tree is not eligible (ADR 0005)'`,
      `REVOKE ALL ON FUNCTION erase_personal_data(text, bigint) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION erase_personal_data(text, bigint) TO laufweg_app`,

      `GRANT SELECT, INSERT ON audit_entry TO laufweg_app`,
      `GRANT SELECT, INSERT (tenant_id), UPDATE (event_tx, event_seq) ON audit_head TO laufweg_app`,
      // Row-level security (RowLevelSecurity1764340400000) covers every tenant table that exists when
      // it runs; a database that got it before this migration gets the same policy here.
      `DO $$
       BEGIN
         IF to_regprocedure('laufweg_tenant_visible(text)') IS NOT NULL THEN
           ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
           CREATE POLICY tenant_isolation ON audit_entry USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
           ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY;
           CREATE POLICY tenant_isolation ON audit_head USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
         END IF;
       END
       $$`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP FUNCTION erase_personal_data(text, bigint)`,
      `DROP FUNCTION redact_personal_data(jsonb)`,
      `DROP INDEX process_instance_retention`,
      `ALTER TABLE process_instance DROP COLUMN legal_hold, DROP COLUMN erased_at`,
      `ALTER TABLE tenant DROP COLUMN retention_default`,
      `DROP INDEX instance_event_chain`,
      `ALTER TABLE instance_event DROP COLUMN request_id, DROP COLUMN actor_roles, DROP COLUMN actor, DROP COLUMN tx_id, DROP COLUMN seq`,
      `DROP TABLE audit_entry`,
      `DROP FUNCTION audit_entry_advance_head()`,
      `DROP TABLE audit_head`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}
