import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { TEST_AUTH_ENV, TestTokens } from '../auth/testing/test-tokens';
import { loadEngineConfig } from '../config/engine-config';
import { createApp } from '../create-app';
import { buildSubmission } from './testing/submission-builder';

/**
 * Mutual TLS over a real HTTPS server (ADR 0008): certificates made with the openssl CLI for
 * this test; the portal's certificate is bound to one tenant by its CN, a second one by its
 * SHA-256 fingerprint. A valid intake token is not enough without the bound certificate.
 */
const A = 'nordstadt';
const B = 'suedstadt';
const dir = mkdtempSync(join(tmpdir(), 'laufweg-mtls-'));
const file = (name: string): string => join(dir, name);

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

/** A CA, a server certificate for 127.0.0.1 and client certificates, all signed by the CA (one by a foreign CA). */
function makeCertificates(): void {
  for (const ca of ['ca', 'rogue-ca']) {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=Laufweg Test ${ca}`, '-keyout', file(`${ca}.key`), '-out', file(`${ca}.crt`));
  }
  const sign = (name: string, subject: string, ca: string, extensions?: string): void => {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`));
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.crt`), '-CAkey', file(`${ca}.key`), '-CAcreateserial', '-days', '1', '-out', file(`${name}.crt`), ...(extensions ? ['-extfile', extensions] : []));
  };
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  sign('server', '/CN=localhost', 'ca', file('server.ext'));
  sign('portal', '/CN=portal.amt24.sachsen.de', 'ca');
  sign('other', '/CN=anderes-portal.example', 'ca');
  sign('rogue', '/CN=portal.amt24.sachsen.de', 'rogue-ca');
}

interface Answer {
  readonly status: number;
  readonly body: { type?: string; status?: string };
}

describe('intake over mutual TLS', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let owner: Pool;
  let port: number;
  let token: string;

  beforeAll(async () => {
    makeCertificates();
    const otherFingerprint = new X509Certificate(readFileSync(file('other.crt'))).fingerprint256;
    db = await createTestDatabase();
    const config = loadEngineConfig({
      DATABASE_URL: db.ownerUrl,
      LOG_LEVEL: 'silent',
      WEB_DIR: dir,
      JOB_EXECUTOR_ENABLED: 'false',
      ...TEST_AUTH_ENV,
      TLS_CERT_FILE: file('server.crt'),
      TLS_KEY_FILE: file('server.key'),
      TLS_CLIENT_CA_FILE: file('ca.crt'),
      TLS_CLIENT_CERT: 'request',
      INTAKE_CERT_BINDINGS: `CN=portal.amt24.sachsen.de=${A}; sha256:${otherFingerprint}=${B}`,
    });
    app = await createApp(config, db.runtime);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    owner = new Pool({ connectionString: db.ownerUrl, max: 1 });
    owner.on('error', () => undefined);
    for (const tenant of [A, B]) {
      await owner.query('INSERT INTO tenant (id, name) VALUES ($1, $1)', [tenant]);
      await owner.query('INSERT INTO tenant_member (tenant_id, subject) VALUES ($1, $2)', [tenant, 'landesportal']);
    }
    token = await TestTokens.of(app).mint({ sub: 'landesportal', name: 'Landesportal', roles: ['intake'] });
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** POSTs a (JSON) submission for the tenant over HTTPS, with the client certificate `client` (or none). */
  function submit(tenant: string, client?: string): Promise<Answer> {
    const submission = buildSubmission({ destinationId: tenant, serviceIdentifier: 'urn:de:fim:leika:leistung:nicht-angeboten', data: { x: 1 } });
    const body = JSON.stringify({ ...submission.fields, metadata: submission.metadata, data: submission.data.toString('utf8') });
    return new Promise((resolve, reject) => {
      const call = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/submissions',
          method: 'POST',
          ca: readFileSync(file('ca.crt')),
          ...(client ? { cert: readFileSync(file(`${client}.crt`)), key: readFileSync(file(`${client}.key`)) } : {}),
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
        },
      );
      call.on('error', reject);
      call.end(body);
    });
  }

  it('admits the bound certificate for its tenant (the submission reaches the checks: a reject receipt, as no service is offered)', async () => {
    expect(await submit(A, 'portal')).toEqual({ status: 422, body: expect.objectContaining({ status: 'reject' }) });
  });

  it('binds by SHA-256 fingerprint as well', async () => {
    expect(await submit(B, 'other')).toEqual({ status: 422, body: expect.objectContaining({ status: 'reject' }) });
  });

  it('refuses a certificate bound to another tenant (403 problem)', async () => {
    expect(await submit(B, 'portal')).toEqual({ status: 403, body: expect.objectContaining({ type: 'urn:laufweg:problem:client-certificate-not-bound' }) });
    expect(await submit(A, 'other')).toEqual({ status: 403, body: expect.objectContaining({ type: 'urn:laufweg:problem:client-certificate-not-bound' }) });
  });

  it('refuses a valid token without a certificate, and with one of a foreign CA (same CN), 403 problem', async () => {
    expect(await submit(A)).toEqual({ status: 403, body: expect.objectContaining({ type: 'urn:laufweg:problem:client-certificate-required' }) });
    expect(await submit(A, 'rogue')).toEqual({ status: 403, body: expect.objectContaining({ type: 'urn:laufweg:problem:client-certificate-required' }) });
  });

  it('with TLS_CLIENT_CERT=require, ends the handshake of a client without a certificate', async () => {
    const strict = await createApp(
      loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: dir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV, TLS_CERT_FILE: file('server.crt'), TLS_KEY_FILE: file('server.key'), TLS_CLIENT_CA_FILE: file('ca.crt'), TLS_CLIENT_CERT: 'require' }),
      db.runtime,
    );
    await strict.listen(0, '127.0.0.1');
    const strictPort = (strict.getHttpServer().address() as AddressInfo).port;
    try {
      const attempt = new Promise<number>((resolve, reject) => {
        const call = httpsRequest({ host: '127.0.0.1', port: strictPort, path: '/health/live', ca: readFileSync(file('ca.crt')) }, (response) => resolve(response.statusCode ?? 0));
        call.on('error', reject);
        call.end();
      });
      await expect(attempt).rejects.toThrow(/certificate|socket hang up|ECONNRESET|alert/i);
    } finally {
      await strict.close();
    }
  });

  it('refuses bindings without mutual TLS at start', () => {
    expect(() => loadEngineConfig({ DATABASE_URL: 'postgres://x@localhost/x', ...TEST_AUTH_ENV, INTAKE_CERT_BINDINGS: `CN=portal=${A}` })).toThrow(/INTAKE_CERT_BINDINGS needs mutual TLS/);
    expect(() => loadEngineConfig({ DATABASE_URL: 'postgres://x@localhost/x', ...TEST_AUTH_ENV, TLS_CERT_FILE: file('server.crt'), TLS_KEY_FILE: file('server.key'), TLS_CLIENT_CERT: 'require' })).toThrow(/needs TLS_CLIENT_CA_FILE/);
  });
});
