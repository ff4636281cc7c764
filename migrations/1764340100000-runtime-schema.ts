import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable runtime (ADR 0003). Every table carries `tenant_id` first in its key, so the
 * database can later be partitioned by tenant. Records of one running instance tree share a
 * `root_key` (the root process instance): a command locks that root's row and loads and writes
 * only rows of that tree. Keys are bigints from one sequence, handed out in blocks.
 * Projections mirror the engine's state maps: queried fields as columns, the record as JSONB.
 */
export class RuntimeSchema1764340100000 implements MigrationInterface {
  name = 'RuntimeSchema1764340100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE SEQUENCE engine_key_seq AS bigint INCREMENT BY 100 START WITH 100`,
      `ALTER TABLE tenant ADD COLUMN land text NOT NULL DEFAULT 'SN'`,
      `COMMENT ON COLUMN tenant.land IS 'German Land (ISO 3166-2 subdivision without DE-), for working days and holidays'`,

      `CREATE TABLE deployment (
         tenant_id     text        NOT NULL REFERENCES tenant (id),
         key           bigint      NOT NULL,
         resource_name text        NOT NULL,
         checksum      text        NOT NULL,
         content       text        NOT NULL,
         created_at    timestamptz NOT NULL DEFAULT now(),
         created_by    text        NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE TABLE process_definition (
         tenant_id      text        NOT NULL,
         key            bigint      NOT NULL,
         process_id     text        NOT NULL,
         version        integer     NOT NULL CHECK (version > 0),
         name           text        NULL,
         deployment_key bigint      NOT NULL,
         checksum       text        NOT NULL,
         created_at     timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, key),
         UNIQUE (tenant_id, process_id, version),
         FOREIGN KEY (tenant_id, deployment_key) REFERENCES deployment (tenant_id, key))`,

      `CREATE TABLE process_instance (
         tenant_id               text        NOT NULL,
         key                     bigint      NOT NULL,
         root_key                bigint      NOT NULL,
         process_definition_key  bigint      NOT NULL,
         process_id              text        NOT NULL,
         version                 integer     NOT NULL,
         business_key            text        NULL,
         status                  text        NOT NULL CHECK (status IN ('active', 'completed', 'terminated')),
         parent_element_instance_key bigint  NULL,
         started_at              timestamptz NOT NULL,
         ended_at                timestamptz NULL,
         revision                bigint      NOT NULL DEFAULT 0,
         PRIMARY KEY (tenant_id, key),
         FOREIGN KEY (tenant_id, process_definition_key) REFERENCES process_definition (tenant_id, key))`,
      `CREATE INDEX process_instance_root ON process_instance (tenant_id, root_key)`,
      `CREATE INDEX process_instance_business_key ON process_instance (tenant_id, business_key) WHERE business_key IS NOT NULL`,
      `CREATE INDEX process_instance_status ON process_instance (tenant_id, status, process_id, started_at DESC)`,

      `CREATE TABLE element_instance (
         tenant_id            text    NOT NULL,
         key                  bigint  NOT NULL,
         root_key             bigint  NOT NULL,
         process_instance_key bigint  NOT NULL,
         element_id           text    NOT NULL,
         element_type         text    NOT NULL,
         flow_scope_key       bigint  NULL,
         state                text    NOT NULL,
         record               jsonb   NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE INDEX element_instance_root ON element_instance (tenant_id, root_key)`,
      `CREATE INDEX element_instance_process_instance ON element_instance (tenant_id, process_instance_key)`,

      `CREATE TABLE variable (
         tenant_id            text    NOT NULL,
         scope_key            bigint  NOT NULL,
         name                 text    NOT NULL,
         root_key             bigint  NOT NULL,
         process_instance_key bigint  NOT NULL,
         value                jsonb   NOT NULL,
         PRIMARY KEY (tenant_id, scope_key, name))`,
      `CREATE INDEX variable_root ON variable (tenant_id, root_key)`,
      `CREATE INDEX variable_name_value ON variable (tenant_id, name, value)`,
      `CREATE INDEX variable_value ON variable USING gin (value jsonb_path_ops)`,

      `CREATE TABLE job (
         tenant_id            text        NOT NULL,
         key                  bigint      NOT NULL,
         root_key             bigint      NULL,
         process_instance_key bigint      NULL,
         element_instance_key bigint      NULL,
         kind                 text        NOT NULL CHECK (kind IN ('job', 'timer')),
         type                 text        NOT NULL,
         state                text        NOT NULL,
         retries              integer     NOT NULL DEFAULT 0,
         due_at               timestamptz NOT NULL,
         lock_owner           text        NULL,
         lock_expires_at      timestamptz NULL,
         last_error           text        NULL,
         record               jsonb       NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE INDEX job_root ON job (tenant_id, root_key)`,
      `CREATE INDEX job_acquirable ON job (kind, type, due_at) WHERE state = 'activatable'`,
      // Workers complete jobs by key alone (keys are unique across tenants).
      `CREATE UNIQUE INDEX job_key ON job (key)`,

      `CREATE TABLE user_task (
         tenant_id            text        NOT NULL,
         key                  bigint      NOT NULL,
         root_key             bigint      NOT NULL,
         process_instance_key bigint      NOT NULL,
         element_id           text        NOT NULL,
         process_id           text        NOT NULL,
         assignee             text        NULL,
         candidate_groups     text[]      NOT NULL DEFAULT '{}',
         candidate_users      text[]      NOT NULL DEFAULT '{}',
         due_at               timestamptz NULL,
         follow_up_at         timestamptz NULL,
         priority             integer     NOT NULL DEFAULT 50,
         created_at           timestamptz NOT NULL,
         record               jsonb       NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE INDEX user_task_root ON user_task (tenant_id, root_key)`,
      `CREATE INDEX user_task_assignee ON user_task (tenant_id, assignee, created_at)`,
      `CREATE INDEX user_task_candidate_groups ON user_task USING gin (candidate_groups)`,
      `CREATE INDEX user_task_candidate_users ON user_task USING gin (candidate_users)`,

      `CREATE TABLE message_subscription (
         tenant_id              text    NOT NULL,
         key                    bigint  NOT NULL,
         root_key               bigint  NULL,
         message_name           text    NOT NULL,
         correlation_key        text    NOT NULL,
         process_definition_key bigint  NULL,
         record                 jsonb   NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE INDEX message_subscription_root ON message_subscription (tenant_id, root_key)`,
      `CREATE INDEX message_subscription_match ON message_subscription (tenant_id, message_name, correlation_key)`,

      `CREATE TABLE signal_subscription (
         tenant_id              text    NOT NULL,
         key                    bigint  NOT NULL,
         root_key               bigint  NULL,
         signal_name            text    NOT NULL,
         process_definition_key bigint  NULL,
         record                 jsonb   NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE INDEX signal_subscription_root ON signal_subscription (tenant_id, root_key)`,
      `CREATE INDEX signal_subscription_match ON signal_subscription (tenant_id, signal_name)`,

      `CREATE TABLE buffered_message (
         tenant_id       text        NOT NULL,
         key             bigint      NOT NULL,
         root_key        bigint      NULL CHECK (root_key IS NULL),
         name            text        NOT NULL,
         correlation_key text        NOT NULL,
         message_id      text        NULL,
         expires_at      timestamptz NOT NULL,
         record          jsonb       NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE UNIQUE INDEX buffered_message_id ON buffered_message (tenant_id, message_id) WHERE message_id IS NOT NULL`,
      `CREATE INDEX buffered_message_match ON buffered_message (tenant_id, name, correlation_key, expires_at)`,

      `CREATE TABLE incident (
         tenant_id            text        NOT NULL,
         key                  bigint      NOT NULL,
         root_key             bigint      NOT NULL,
         process_instance_key bigint      NOT NULL,
         element_instance_key bigint      NOT NULL,
         element_id           text        NOT NULL,
         error_type           text        NOT NULL,
         message              text        NOT NULL,
         created_at           timestamptz NOT NULL,
         record               jsonb       NOT NULL,
         PRIMARY KEY (tenant_id, key))`,
      `CREATE INDEX incident_root ON incident (tenant_id, root_key)`,
      `CREATE INDEX incident_created ON incident (tenant_id, created_at DESC)`,

      // Records only the engine itself reads (conditional and compensation subscriptions, ...).
      `CREATE TABLE instance_record (
         tenant_id text   NOT NULL,
         kind      text   NOT NULL,
         key       bigint NOT NULL,
         root_key  bigint NOT NULL,
         record    jsonb  NOT NULL,
         PRIMARY KEY (tenant_id, kind, key))`,
      `CREATE INDEX instance_record_root ON instance_record (tenant_id, root_key)`,

      `CREATE TABLE instance_event (
         tenant_id            text        NOT NULL,
         root_key             bigint      NOT NULL,
         position             integer     NOT NULL,
         process_instance_key bigint      NULL,
         type                 text        NOT NULL,
         v                    smallint    NOT NULL,
         payload              jsonb       NOT NULL,
         created_at           timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, root_key, position))`,
    ];
    for (const statement of statements) await queryRunner.query(statement);

    const writable = ['process_instance', 'element_instance', 'variable', 'job', 'user_task', 'message_subscription', 'signal_subscription', 'buffered_message', 'incident', 'instance_record'];
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${writable.join(', ')} TO laufweg_app`);
    // Deployments are immutable once stored; the event log is append-only.
    await queryRunner.query(`GRANT SELECT, INSERT ON deployment, process_definition, instance_event TO laufweg_app`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE engine_key_seq TO laufweg_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['instance_event', 'instance_record', 'incident', 'buffered_message', 'signal_subscription', 'message_subscription', 'user_task', 'job', 'variable', 'element_instance', 'process_instance', 'process_definition', 'deployment']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE engine_key_seq`);
    await queryRunner.query(`ALTER TABLE tenant DROP COLUMN land`);
  }
}
