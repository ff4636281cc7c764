import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { TLSSocket } from 'node:tls';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';
import { type CertificateBinding, mutualTlsOn } from '../config/transport-config';
import { type ProblemDetails, problemType } from '../problem/problem-details';

/**
 * Binds the intake to the portal's client certificate (ADR 0008): with mutual TLS on, a
 * submission for a tenant needs a certificate the configured CA signed and that
 * INTAKE_CERT_BINDINGS binds to that tenant (by subject CN or SHA-256 fingerprint). A valid
 * token alone is then not enough: a leaked intake token cannot submit from outside the
 * municipal network's portal host. With mutual TLS off, nothing is checked here.
 */
@Injectable()
export class ClientCertificateBinding {
  private readonly on: boolean;
  private readonly bindings: readonly CertificateBinding[];

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.on = mutualTlsOn(config.transport);
    this.bindings = config.transport.intakeCertBindings;
  }

  assertBound(request: Request, tenantId: string): void {
    if (!this.on) return;
    const socket = request.socket;
    if (!(socket instanceof TLSSocket) || !socket.authorized) {
      throw certificateProblem('client-certificate-required', 'Client certificate required', 'Submissions need a client certificate signed by the configured CA (mutual TLS).');
    }
    const certificate = socket.getPeerCertificate();
    const fingerprint = createHash('sha256').update(certificate.raw).digest('hex');
    const commonNames = [certificate.subject?.CN ?? []].flat();
    const tenants = new Set(
      this.bindings
        .filter(({ match }) => (match.kind === 'sha256' ? match.fingerprint === fingerprint : commonNames.includes(match.commonName)))
        .flatMap((binding) => binding.tenants),
    );
    if (!tenants.has(tenantId)) {
      throw certificateProblem('client-certificate-not-bound', 'Client certificate not bound', `The client certificate (CN=${commonNames.join(',') || '-'}, sha256:${fingerprint}) is not bound to tenant '${tenantId}' (INTAKE_CERT_BINDINGS).`);
    }
  }
}

function certificateProblem(slug: string, title: string, detail: string): ForbiddenException {
  return new ForbiddenException({ type: problemType(slug), title, status: 403, detail } satisfies ProblemDetails);
}
