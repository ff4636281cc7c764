import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention covers what the intake and the connectors keep of an instance tree (ADR 0005, "Later
 * additions"). Erasing a tree now also:
 *
 * - erases its submissions (`erase_submission`: data, metadata, raw bytes, attachment content;
 *   ids, hashes, fingerprint and receipt stay as proof and for idempotent resends), and now also
 *   the attachments' file names, which citizens choose and which often hold their names;
 * - deletes its rendered documents: the PDFs and their names hold names and addresses, `content`
 *   is required by the table and the download endpoint; what identifies a document without
 *   personal data (id, template, SHA-256, size, time) goes into the `retention.erased` audit entry;
 * - redacts `connector_record.payload` to the keys each kind may keep (ids, status, times,
 *   amounts; every other value becomes null, the key stays) — a key not listed is erased;
 * - replaces `payment_request.purpose`, `reference` and the items' descriptions by `[erased]`
 *   (amounts and status stay).
 *
 * A tree is the root and its called children: documents, records and payments name the instance
 * that produced them, which may be a child. `erase_instance_tree` (SECURITY DEFINER, EXECUTE only
 * for `laufweg_app`, which still has no UPDATE or DELETE on any of these tables) does it all
 * under the root's row lock and says what it erased; `erase_personal_data` keeps its contract
 * (the number of events redacted) and does the same.
 */
export class RetentionConnectedData1764340800000 implements MigrationInterface {
  name = 'RetentionConnectedData1764340800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Keys kept per kind, from the simulators in libs/connectors; a new kind keeps nothing until listed.
      `CREATE FUNCTION redact_connector_payload(p_kind text, p_payload jsonb) RETURNS jsonb
         LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp
       AS $$
         SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN e.key = ANY (kept.keys) THEN e.value ELSE 'null'::jsonb END), '{}')
           FROM jsonb_each(CASE WHEN jsonb_typeof(p_payload) = 'object' THEN p_payload ELSE '{}' END) AS e,
                (SELECT CASE p_kind
                   WHEN 'notification'   THEN ARRAY['submissionId', 'caseId', 'status', 'documentIds', 'sentAt']
                   WHEN 'print-dispatch' THEN ARRAY['documentId', 'queuedAt']
                   WHEN 'forwarding'     THEN ARRAY['recipient', 'sentAt']
                   WHEN 'filing'         THEN ARRAY['retentionYears', 'documentIds', 'storedAt']
                   WHEN 'receivable'     THEN ARRAY['kind', 'amount', 'cashReference', 'taxCaseNumber', 'dogTagNumber', 'dueDate']
                   WHEN 'enforcement'    THEN ARRAY['system', 'action', 'listId', 'permitNumber', 'zone', 'validFrom', 'validTo', 'updatedAt']
                   ELSE ARRAY[]::text[]
                 END AS keys) AS kept
       $$`,
      `COMMENT ON FUNCTION redact_connector_payload(text, jsonb) IS 'A connector record''s payload with every value but the ids, status, times and amounts its kind may keep set to null (ADR 0005)'`,
      `REVOKE ALL ON FUNCTION redact_connector_payload(text, jsonb) FROM PUBLIC`,

      ERASE_SUBMISSION_WITH_NAMES,

      `CREATE FUNCTION erase_instance_tree(p_tenant_id text, p_root_key bigint) RETURNS jsonb
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
       AS $$
       DECLARE
         scope text := coalesce(current_setting('laufweg.tenants', true), '');
         root record;
         tree bigint[];
         events integer;
         submissions integer := 0;
         documents jsonb;
         records integer;
         payments integer;
         target record;
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
         tree := ARRAY(SELECT key FROM public.process_instance WHERE tenant_id = p_tenant_id AND root_key = p_root_key);

         UPDATE public.instance_event SET payload = public.redact_personal_data(payload)
          WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         GET DIAGNOSTICS events = ROW_COUNT;
         DELETE FROM public.variable WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         DELETE FROM public.incident WHERE tenant_id = p_tenant_id AND root_key = p_root_key;
         -- Before the submissions: erase_submission erases an accepted one only once its instance is erased.
         UPDATE public.process_instance SET erased_at = now() WHERE tenant_id = p_tenant_id AND root_key = p_root_key;

         FOR target IN SELECT submission_id FROM public.submission
                        WHERE tenant_id = p_tenant_id AND process_instance_key = ANY (tree) AND erased_at IS NULL ORDER BY submission_id LOOP
           IF public.erase_submission(p_tenant_id, target.submission_id) THEN
             submissions := submissions + 1;
           END IF;
         END LOOP;

         WITH deleted AS (
           DELETE FROM public.document WHERE tenant_id = p_tenant_id AND process_instance_key = ANY (tree)
           RETURNING id, template, sha256, size, created_at)
         SELECT coalesce(jsonb_agg(jsonb_build_object(
                  'id', id::text, 'template', template, 'sha256', sha256, 'size', size,
                  'createdAt', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                ORDER BY created_at, id), '[]')
           INTO documents FROM deleted;

         UPDATE public.connector_record SET payload = public.redact_connector_payload(kind, payload)
          WHERE tenant_id = p_tenant_id AND process_instance_key = ANY (tree);
         GET DIAGNOSTICS records = ROW_COUNT;

         UPDATE public.payment_request
            SET purpose = '[erased]', reference = '[erased]',
                items = CASE WHEN jsonb_typeof(items) = 'array' THEN
                          (SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(i.item) = 'object'
                                                          THEN jsonb_build_object('description', '[erased]', 'amount', i.item -> 'amount')
                                                          ELSE 'null'::jsonb END ORDER BY i.position), '[]')
                             FROM jsonb_array_elements(items) WITH ORDINALITY AS i(item, position))
                        ELSE '[]' END
          WHERE tenant_id = p_tenant_id AND process_instance_key = ANY (tree);
         GET DIAGNOSTICS payments = ROW_COUNT;

         RETURN jsonb_build_object('events', events, 'submissions', submissions, 'documents', documents,
                                   'connectorRecords', records, 'paymentRequests', payments);
       END
       $$`,
      `COMMENT ON FUNCTION erase_instance_tree(text, bigint) IS 'Erases the personal data of one ended instance tree that is not on legal hold: events, variables, incidents, submissions, documents, connector records, payment requests; returns what it erased, NULL when the tree is not eligible (ADR 0005)'`,
      `REVOKE ALL ON FUNCTION erase_instance_tree(text, bigint) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION erase_instance_tree(text, bigint) TO laufweg_app`,

      // The old entry point erases the same (an erased tree is never visited again, so it must not do less).
      `CREATE OR REPLACE FUNCTION erase_personal_data(p_tenant_id text, p_root_key bigint) RETURNS integer
         LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
       AS $$ SELECT (public.erase_instance_tree(p_tenant_id, p_root_key) ->> 'events')::integer $$`,
      `COMMENT ON FUNCTION erase_personal_data(text, bigint) IS 'erase_instance_tree, returning the number of events redacted; NULL when the tree is not eligible (ADR 0005)'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE OR REPLACE FUNCTION erase_personal_data(p_tenant_id text, p_root_key bigint) RETURNS integer
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
       AS $$
       DECLARE
         scope text := coalesce(current_setting('laufweg.tenants', true), '');
         root record;
         redacted integer;
       BEGIN
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
      `DROP FUNCTION erase_instance_tree(text, bigint)`,
      ERASE_SUBMISSION_WITH_NAMES.replace(ATTACHMENT_ERASURE_WITH_NAMES, ATTACHMENT_ERASURE),
      `DROP FUNCTION redact_connector_payload(text, jsonb)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

const ATTACHMENT_ERASURE = `UPDATE public.submission_attachment SET content = NULL WHERE`;
const ATTACHMENT_ERASURE_WITH_NAMES = `UPDATE public.submission_attachment SET content = NULL, name = '[erased]' WHERE`;

/**
 * `erase_submission` of Submissions1764340600000 with one change: the attachments' file names go
 * with their content (the immutability trigger allows it in the same update).
 */
const ERASE_SUBMISSION_WITH_NAMES = `CREATE OR REPLACE FUNCTION erase_submission(p_tenant_id text, p_submission_id text) RETURNS boolean
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
   ${ATTACHMENT_ERASURE_WITH_NAMES} tenant_id = p_tenant_id AND submission_id = p_submission_id AND content IS NOT NULL;
   UPDATE public.submission SET metadata = NULL, data = NULL, data_raw = NULL, status = 'erased', erased_at = now()
    WHERE tenant_id = p_tenant_id AND submission_id = p_submission_id;
   RETURN true;
 END
 $$`;
