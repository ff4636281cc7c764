import { join } from 'node:path';
import { Pool } from 'pg';
import type { Response } from 'supertest';
import { loadRouteBundle } from '@laufweg/routes';
import { ApiTestApp } from '../api/testing/api-test-app';
import { RouteDeployer } from '../routes/route-deployer';
import { type AttachmentToSend, buildSubmission, sha512Hex, type SubmissionToSend } from './testing/submission-builder';

/**
 * The intake over HTTP on real PostgreSQL (issue 6): a small fixture route (processes/ in
 * fixtures/) deployed for two municipalities; submissions accepted, rejected for each reason,
 * repeated, conflicting, across tenants; attachments by reference.
 */
const T = 'testhausen';
const P = 'pruefdorf';
const OFFERED = 'urn:de:fim:leika:leistung:test-hundeanmeldung';
const NOT_OFFERED = 'urn:de:fim:leika:leistung:test-hundeabmeldung';
const FIXTURE_ROUTE = join(__dirname, 'fixtures', 'processes', 'hundeanmeldung');
type Headers = { authorization: string };

const application = { halter: { name: 'Erika Mustermann' }, hund: { name: 'Bello', geburtsdatum: '2024-03-01' } };
const impfpass: AttachmentToSend = { attachmentId: 'impfpass-1', filename: 'impfpass.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.7 Impfpass Bello') };

describe('intake: POST /api/v1/submissions', () => {
  let api: ApiTestApp;
  let portal: Headers;
  let portalOfP: Headers;
  let clerkOfT: Headers;
  let clerkOfP: Headers;

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(T);
    await api.tenant(P);
    portal = await api.user('landesportal', ['intake'], { [T]: [], [P]: [] });
    portalOfP = await api.user('portal-p', ['intake'], { [P]: [] });
    clerkOfT = await api.user('anna', ['caseworker'], { [T]: ['steueramt'] });
    clerkOfP = await api.user('paul', ['caseworker'], { [P]: ['steueramt'] });
    const loaded = loadRouteBundle(FIXTURE_ROUTE);
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    for (const tenant of [T, P]) {
      const deployed = await api.app.get(RouteDeployer).deploy(loaded.bundle, tenant, 'test');
      if (!deployed.ok) throw new Error(JSON.stringify(deployed.problems));
    }
  });
  afterAll(async () => api.close());

  function send(submission: SubmissionToSend, who: Headers = portal): Promise<Response> {
    let request = api.http.post('/api/v1/submissions').set(who);
    for (const [name, value] of Object.entries(submission.fields)) request = request.field(name, value);
    request = request.attach('metadata', Buffer.from(JSON.stringify(submission.metadata)), { filename: 'metadata.json', contentType: 'application/json' });
    request = request.attach('data', submission.data, { filename: 'data.json', contentType: 'application/json' });
    for (const attachment of submission.attachments) request = request.attach(`attachment:${attachment.attachmentId}`, attachment.bytes, { filename: attachment.filename, contentType: attachment.mimeType });
    return request;
  }

  function valid(overrides: Partial<Parameters<typeof buildSubmission>[0]> = {}): SubmissionToSend {
    return buildSubmission({ destinationId: T, serviceIdentifier: OFFERED, data: application, attachments: [impfpass], ...overrides });
  }

  async function rows(submissionId: string): Promise<{ submissions: number; instances: number }> {
    const submissions = await api.owner.query('SELECT 1 FROM submission WHERE submission_id = $1', [submissionId]);
    const instances = await api.owner.query(`SELECT 1 FROM process_instance WHERE process_id = 'hundeanmeldung' AND key IN (SELECT process_instance_key FROM submission WHERE submission_id = $1)`, [submissionId]);
    return { submissions: submissions.rowCount ?? 0, instances: instances.rowCount ?? 0 };
  }

  async function instanceCount(): Promise<number> {
    return Number((await api.owner.query<{ n: string }>(`SELECT count(*) AS n FROM process_instance WHERE process_id = 'hundeanmeldung'`)).rows[0].n);
  }

  async function intakeFingerprint(): Promise<string> {
    const digests = await api.fingerprint();
    for (const table of ['submission', 'submission_attachment', 'tenant_service']) {
      const { rows: [row] } = await api.owner.query<{ digest: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`);
      digests[table] = row.digest;
    }
    return JSON.stringify(digests);
  }

  describe('accept', () => {
    it('stores the submission verbatim, starts the route by its message start event and answers the accept receipt (201)', async () => {
      const submission = valid({ extraMetadata: { replyChannel: { eMail: { address: 'erika@example.org' } } } });
      const response = await send(submission);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ status: 'accept', submissionId: submission.fields.submissionId, caseId: submission.fields.caseId, receivedAt: expect.any(String), processInstanceKey: expect.stringMatching(/^[1-9][0-9]*$/) });
      const key = (response.body as { processInstanceKey: string }).processInstanceKey;
      const task = await api.taskKey(T, key, 'pruefen');
      expect(task).toMatch(/^[1-9]/);
      // The portal's case id is the business key: the team finds the case by its Aktenzeichen.
      const header = await api.owner.query<{ business_key: string }>('SELECT business_key FROM process_instance WHERE tenant_id = $1 AND key = $2', [T, key]);
      expect(header.rows).toEqual([{ business_key: submission.fields.caseId }]);
      const variables = await api.owner.query<{ name: string; value: Record<string, unknown> }>('SELECT name, value FROM variable WHERE tenant_id = $1 AND scope_key = $2 ORDER BY name', [T, key]);
      const byName = Object.fromEntries(variables.rows.map((row) => [row.name, row.value]));
      expect(byName['application']).toEqual(application);
      expect(byName['submission']).toEqual(
        expect.objectContaining({
          submissionId: submission.fields.submissionId,
          serviceId: OFFERED,
          serviceName: 'Hund anmelden (Test)',
          replyChannel: { eMail: { address: 'erika@example.org' } },
          attachments: [{ id: 'impfpass-1', name: 'impfpass.pdf', mediaType: 'application/pdf', size: impfpass.bytes.length, purpose: 'attachment' }],
        }),
      );
      expect(byName['municipality']).toEqual(expect.objectContaining({ name: 'Gemeinde Testhausen' }));
      const stored = await api.owner.query<{ data_raw: Buffer; status: string; case_id: string }>('SELECT data_raw, status, case_id FROM submission WHERE submission_id = $1', [submission.fields.submissionId]);
      expect(stored.rows[0]).toEqual({ data_raw: submission.data, status: 'accepted', case_id: submission.fields.caseId });
    });

    it('accepts the JSON variant without attachments, hashing the UTF-8 bytes of the data text', async () => {
      const submission = buildSubmission({ destinationId: T, serviceIdentifier: OFFERED, data: { ...application, halter: { name: 'Jörg Müller' } } });
      const response = await api.http.post('/api/v1/submissions').set(portal).send({ ...submission.fields, metadata: submission.metadata, data: submission.data.toString('utf8') });
      expect([response.status, (response.body as { status: string }).status]).toEqual([201, 'accept']);
    });

    it('shows the applicant status to the portal and the caseworkers of the tenant, 404 elsewhere', async () => {
      const submission = valid();
      const accepted = await send(submission);
      expect(accepted.status).toBe(201);
      const path = `/api/v1/submissions/${submission.fields.submissionId}`;

      const asPortal = await api.http.get(path).set(portal);
      expect(asPortal.status).toBe(200);
      expect(asPortal.body).toEqual(expect.objectContaining({ submissionId: submission.fields.submissionId, tenantId: T, status: 'in-processing', receipt: accepted.body }));
      expect((await api.http.get(path).set(clerkOfT)).body).toEqual(expect.objectContaining({ status: 'in-processing' }));

      const foreign = await api.http.get(path).set(clerkOfP);
      expect([foreign.status, foreign.headers['content-type'], (foreign.body as { type: string }).type]).toEqual([404, expect.stringContaining('application/problem+json'), 'urn:laufweg:problem:submission-not-found']);

      const key = (accepted.body as { processInstanceKey: string }).processInstanceKey;
      expect((await api.runtime.completeUserTask(T, await api.taskKey(T, key, 'pruefen'), {}, 'anna')).rejected).toBe(false);
      expect((await api.http.get(path).set(portal)).body).toEqual(expect.objectContaining({ status: 'completed' }));
    });
  });

  describe('idempotency', () => {
    it('answers the same submission twice with the same receipt (200) and one instance', async () => {
      const submission = valid();
      const first = await send(submission);
      const before = await instanceCount();
      const again = await send(submission);

      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toEqual(first.body);
      expect(await instanceCount()).toBe(before);
      expect(await rows(submission.fields.submissionId)).toEqual({ submissions: 1, instances: 1 });
    });

    it('starts one instance when the same submission arrives twice at the same moment', async () => {
      const submission = valid();
      const answers = await Promise.all([send(submission), send(submission), send(submission)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
      expect(answers.map((answer) => answer.body)).toEqual([answers[0].body, answers[0].body, answers[0].body]);
      expect(await rows(submission.fields.submissionId)).toEqual({ submissions: 1, instances: 1 });
    });

    it('refuses the same submission id with other content (409 problem) and changes nothing', async () => {
      const submission = valid();
      expect((await send(submission)).status).toBe(201);
      const before = await intakeFingerprint();
      const changed = buildSubmission({ destinationId: T, serviceIdentifier: OFFERED, data: { ...application, hund: { name: 'Rex', geburtsdatum: '2023-01-01' } }, submissionId: submission.fields.submissionId, caseId: submission.fields.caseId });

      const response = await send(changed);
      expect([response.status, response.headers['content-type'], (response.body as { type: string }).type]).toEqual([409, expect.stringContaining('application/problem+json'), 'urn:laufweg:problem:submission-conflict']);
      expect(await intakeFingerprint()).toBe(before);
    });

    it('gives a failed route start no receipt and stores nothing (503), so the portal’s resend starts it', async () => {
      await api.owner.query(`UPDATE tenant_service SET start_message = 'Nirgendwo' WHERE tenant_id = $1 AND service_id = $2`, [P, OFFERED]);
      const submission = valid({ destinationId: P });
      try {
        const failed = await send(submission);
        expect([failed.status, (failed.body as { type: string }).type]).toEqual([503, 'urn:laufweg:problem:route-not-started']);
        expect(await rows(submission.fields.submissionId)).toEqual({ submissions: 0, instances: 0 });
      } finally {
        await api.owner.query(`UPDATE tenant_service SET start_message = 'ApplicationReceived.hundeanmeldung' WHERE tenant_id = $1 AND service_id = $2`, [P, OFFERED]);
      }
      const resent = await send(submission);
      expect(resent.status).toBe(201);
      expect(await rows(submission.fields.submissionId)).toEqual({ submissions: 1, instances: 1 });
    });
  });

  describe('reject', () => {
    async function rejected(submission: SubmissionToSend): Promise<{ status: number; body: { status: string; problems: { type: string; instance: string; pointer?: string; detail: string }[] } }> {
      const before = await instanceCount();
      const response = await send(submission);
      expect(await instanceCount()).toBe(before);
      expect(await rows(submission.fields.submissionId)).toEqual({ submissions: 1, instances: 0 });
      return { status: response.status, body: response.body as never };
    }

    it('rejects data whose SHA-512 differs from contentStructure.data.hash', async () => {
      const submission = valid();
      const tampered = { ...submission, data: Buffer.from(submission.data.toString('utf8').replace('Bello', 'Bella')) };
      const { status, body } = await rejected(tampered);
      expect(status).toBe(422);
      expect(body).toEqual(expect.objectContaining({ status: 'reject', submissionId: submission.fields.submissionId }));
      expect(body.problems).toEqual([expect.objectContaining({ type: 'urn:laufweg:problem:intake:data-hash-mismatch', instance: 'data', title: expect.any(String), detail: expect.any(String) })]);
    });

    it('rejects an attachment whose bytes differ from its announced hash, and one never announced', async () => {
      const submission = valid();
      const swapped = { ...submission, attachments: [{ ...impfpass, bytes: Buffer.from('%PDF-1.7 something else') }, { ...impfpass, attachmentId: 'extra' }] };
      const { status, body } = await rejected(swapped);
      expect(status).toBe(422);
      expect(body.problems.map((problem) => [problem.type, problem.instance])).toEqual([
        ['urn:laufweg:problem:intake:attachment-hash-mismatch', 'attachment:impfpass-1'],
        ['urn:laufweg:problem:intake:attachment-unannounced', 'attachment:extra'],
      ]);
    });

    it('rejects metadata outside the accepted schema, naming each JSON pointer', async () => {
      const submission = valid();
      const structure = submission.metadata['contentStructure'] as { data: Record<string, unknown> };
      const metadata = { ...submission.metadata, contentStructure: { ...structure, data: { hash: structure.data['hash'] } }, surprise: true };
      const { status, body } = await rejected({ ...submission, metadata });
      expect(status).toBe(422);
      expect(body.problems.map((problem) => [problem.type, problem.instance, problem.pointer])).toEqual(
        expect.arrayContaining([
          ['urn:laufweg:problem:intake:metadata-invalid', 'metadata', '/contentStructure/data/submissionSchema'],
          ['urn:laufweg:problem:intake:metadata-invalid', 'metadata', '/surprise'],
        ]),
      );
    });

    it('rejects data invalid against the service schema with the JSON pointer of each violation', async () => {
      const submission = valid({ data: { halter: {}, hund: { name: 'Bello', geburtsdatum: '1. März' } } });
      const { status, body } = await rejected(submission);
      expect(status).toBe(422);
      expect(body.problems.map((problem) => [problem.type, problem.instance, problem.pointer])).toEqual(
        expect.arrayContaining([
          ['urn:laufweg:problem:intake:data-invalid', 'data', '/halter/name'],
          ['urn:laufweg:problem:intake:data-invalid', 'data', '/hund/geburtsdatum'],
        ]),
      );
      expect(body.problems).toHaveLength(2);
    });

    it('rejects a service the destination does not offer', async () => {
      const { status, body } = await rejected(valid({ serviceIdentifier: NOT_OFFERED }));
      expect(status).toBe(422);
      expect(body.problems).toEqual([expect.objectContaining({ type: 'urn:laufweg:problem:intake:service-not-offered', instance: 'submission' })]);
    });

    it('checks in order: a bad hash is reported before invalid data', async () => {
      const submission = valid({ data: { halter: {} } });
      const { body } = await rejected({ ...submission, data: Buffer.from('{"halter":{"name":"x"}}') });
      expect(body.problems.map((problem) => problem.type)).toEqual(['urn:laufweg:problem:intake:data-hash-mismatch']);
    });

    it('answers a rejected submission sent again with the same reject receipt and stores it once', async () => {
      const submission = valid({ serviceIdentifier: NOT_OFFERED });
      const first = await send(submission);
      const again = await send(submission);
      expect([first.status, again.status]).toEqual([422, 422]);
      expect(again.body).toEqual(first.body);
      expect(await rows(submission.fields.submissionId)).toEqual({ submissions: 1, instances: 0 });
    });

    it('answers a malformed envelope with 400 problem+json and stores nothing', async () => {
      const submission = valid();
      const before = await intakeFingerprint();
      const response = await send({ ...submission, fields: { ...submission.fields, serviceIdentifier: 'hundesteuer' } });
      expect([response.status, response.headers['content-type']]).toEqual([400, expect.stringContaining('application/problem+json')]);
      expect(await intakeFingerprint()).toBe(before);
    });
  });

  describe('tenants and rights', () => {
    it('refuses a destination the portal is no member of (404) and a submission id already used in another tenant (409)', async () => {
      const before = await intakeFingerprint();
      const foreign = await send(valid(), portalOfP);
      expect([foreign.status, (foreign.body as { type: string }).type]).toEqual([404, 'urn:laufweg:problem:tenant-not-found']);
      expect(await intakeFingerprint()).toBe(before);

      const inT = valid();
      expect((await send(inT)).status).toBe(201);
      const sameIdInP = buildSubmission({ destinationId: P, serviceIdentifier: OFFERED, data: application, submissionId: inT.fields.submissionId });
      const taken = await send(sameIdInP, portalOfP);
      expect([taken.status, (taken.body as { type: string }).type]).toEqual([409, 'urn:laufweg:problem:submission-id-taken']);
      expect(JSON.stringify(taken.body)).not.toContain('Erika');
    });

    it('serves an attachment by reference to caseworkers of its tenant only', async () => {
      const submission = valid();
      expect((await send(submission)).status).toBe(201);
      const path = `/api/v1/submissions/${submission.fields.submissionId}/attachments/${impfpass.attachmentId}`;

      const own = await api.http.get(path).set(clerkOfT).buffer(true).parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
      expect([own.status, own.headers['content-type'], own.headers['x-content-type-options']]).toEqual([200, 'application/pdf', 'nosniff']);
      expect(sha512Hex(own.body as Buffer)).toBe(sha512Hex(impfpass.bytes));

      const foreign = await api.http.get(path).set(clerkOfP);
      expect([foreign.status, (foreign.body as { type: string }).type]).toEqual([404, 'urn:laufweg:problem:attachment-not-found']);
      const byPortal = await api.http.get(path).set(portal);
      expect([byPortal.status, (byPortal.body as { type: string }).type]).toEqual([403, 'urn:laufweg:problem:forbidden']);
    });

    it('refuses submissions to callers without the intake role (403)', async () => {
      const response = await send(valid(), clerkOfT);
      expect([response.status, (response.body as { type: string }).type]).toEqual([403, 'urn:laufweg:problem:forbidden']);
    });
  });

  describe('immutability', () => {
    it('lets neither the application role nor the owner change received content; erasure drops it for a rejected one', async () => {
      const submission = valid({ serviceIdentifier: NOT_OFFERED });
      expect((await send(submission)).status).toBe(422);
      const id = submission.fields.submissionId;
      const app = new Pool({ connectionString: api.appUrl, max: 1 });
      app.on('error', () => undefined);
      try {
        await expect(app.query(`UPDATE submission SET data = '{}' WHERE submission_id = $1`, [id])).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM submission_attachment WHERE submission_id = $1`, [id])).rejects.toThrow(/permission denied/);
        await expect(api.owner.query(`UPDATE submission SET data = '{}' WHERE submission_id = $1`, [id])).rejects.toThrow(/immutable/);
        await expect(api.owner.query(`UPDATE submission_attachment SET content = 'x' WHERE submission_id = $1`, [id])).rejects.toThrow(/immutable/);

        const erased = await app.query<{ erased: boolean }>('SELECT erase_submission($1, $2) AS erased', [T, id]);
        expect(erased.rows[0].erased).toBe(true);
      } finally {
        await app.end();
      }
      const after = await api.owner.query('SELECT s.status, s.data, s.data_raw, a.content, a.sha512 FROM submission s JOIN submission_attachment a USING (tenant_id, submission_id) WHERE s.submission_id = $1', [id]);
      expect(after.rows).toEqual([{ status: 'erased', data: null, data_raw: null, content: null, sha512: sha512Hex(impfpass.bytes) }]);
    });
  });
});
