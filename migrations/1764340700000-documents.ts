import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the connectors produce and send (docs/connectors.md):
 *
 * - `document`: rendered PDFs (document.render) with their SHA-256 and size, beside the process
 *   instance they belong to. Immutable: the application role may read and insert; retention
 *   removes them with the instance's data (owner).
 * - `connector_record`: what the simulators "sent" — portal notifications, print dispatches,
 *   forwardings to chambers, filings, receivables — so tests and the cockpit can see it.
 * - `payment_request`: the payment simulator's requests, so the pay page and `payment.status`
 *   survive a restart; the pay page settles one (OPEN → PAID) by its request id.
 */
export class Documents1764340700000 implements MigrationInterface {
  name = 'Documents1764340700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE document (
         tenant_id            text        NOT NULL,
         id                   uuid        NOT NULL,
         process_instance_key bigint      NULL,
         template             text        NOT NULL,
         name                 text        NOT NULL,
         media_type           text        NOT NULL,
         sha256               text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
         size                 integer     NOT NULL CHECK (size >= 0),
         content              bytea       NOT NULL,
         created_at           timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         CHECK (octet_length(content) = size))`,
      `CREATE INDEX document_process_instance ON document (tenant_id, process_instance_key, created_at)`,
      `CREATE TABLE connector_record (
         tenant_id            text        NOT NULL,
         id                   bigint      GENERATED ALWAYS AS IDENTITY,
         kind                 text        NOT NULL CHECK (kind IN ('notification', 'print-dispatch', 'forwarding', 'filing', 'receivable', 'enforcement')),
         reference            text        NOT NULL,
         job_key              bigint      NOT NULL,
         process_instance_key bigint      NULL,
         payload              jsonb       NOT NULL,
         created_at           timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id))`,
      // A retried job records once (its ids derive from the job key).
      `CREATE UNIQUE INDEX connector_record_once ON connector_record (tenant_id, kind, job_key, reference)`,
      `CREATE INDEX connector_record_process_instance ON connector_record (tenant_id, process_instance_key, created_at)`,
      `CREATE TABLE payment_request (
         tenant_id            text          NOT NULL,
         request_id           text          NOT NULL CHECK (length(request_id) <= 36),
         job_key              bigint        NOT NULL,
         process_instance_key bigint        NULL,
         amount               numeric(12,2) NOT NULL,
         purpose              text          NOT NULL,
         reference            text          NOT NULL,
         items                jsonb         NOT NULL,
         status               text          NOT NULL CHECK (status IN ('OPEN', 'PAID', 'CANCELED', 'FAILED')),
         created_at           timestamptz   NOT NULL,
         paid_at              timestamptz   NULL,
         PRIMARY KEY (tenant_id, request_id))`,
      // The pay page knows only the request id.
      `CREATE UNIQUE INDEX payment_request_id ON payment_request (request_id)`,
      `GRANT SELECT, INSERT ON document TO laufweg_app`,
      `GRANT SELECT, INSERT ON connector_record TO laufweg_app`,
      `GRANT SELECT, INSERT, UPDATE (status, paid_at) ON payment_request TO laufweg_app`,
      // Row-level security (RowLevelSecurity1764340400000) covers every tenant table that exists when
      // it runs; a database that got it before this migration gets the same policy here.
      `DO $$
       BEGIN
         IF to_regprocedure('laufweg_tenant_visible(text)') IS NOT NULL THEN
           ALTER TABLE document ENABLE ROW LEVEL SECURITY;
           CREATE POLICY tenant_isolation ON document USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
           ALTER TABLE connector_record ENABLE ROW LEVEL SECURITY;
           CREATE POLICY tenant_isolation ON connector_record USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
           ALTER TABLE payment_request ENABLE ROW LEVEL SECURITY;
           CREATE POLICY tenant_isolation ON payment_request USING (laufweg_tenant_visible(tenant_id)) WITH CHECK (laufweg_tenant_visible(tenant_id));
         END IF;
       END
       $$`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payment_request`);
    await queryRunner.query(`DROP TABLE connector_record`);
    await queryRunner.query(`DROP TABLE document`);
  }
}
