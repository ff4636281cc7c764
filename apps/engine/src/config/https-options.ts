import type { HttpsOptions } from '@nestjs/common/interfaces/external/https-options.interface';
import { readFileSync } from 'node:fs';
import type { TransportConfig } from './transport-config';

/**
 * Node's HTTPS server options for the configured TLS (ADR 0008): the server certificate and key,
 * and with mutual TLS the CA of the client certificates. `require` lets only clients with a
 * certificate that CA signed complete the handshake; `request` asks for one and leaves the
 * decision to the route (the intake's certificate binding). Undefined: plain HTTP.
 */
export function httpsOptionsOf(transport: TransportConfig): HttpsOptions | undefined {
  const { tls } = transport;
  if (!tls) return undefined;
  return {
    cert: readFileSync(tls.certFile),
    key: readFileSync(tls.keyFile),
    ...(tls.clientCaFile ? { ca: readFileSync(tls.clientCaFile) } : {}),
    requestCert: tls.clientCert !== 'off',
    rejectUnauthorized: tls.clientCert === 'require',
  };
}
