import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigPurpose } from './auth-config';
import type { ClientCertMode, EngineEnvironment } from './engine-environment';

/** HTTPS served by the engine itself, optionally asking clients for a certificate (mutual TLS). */
export interface TlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  readonly clientCaFile?: string;
  readonly clientCert: ClientCertMode;
}

/**
 * One certificate bound to intake tenants: a certificate matches by its subject's common name
 * or by the SHA-256 fingerprint of its DER bytes (lower-case hex without colons).
 */
export interface CertificateBinding {
  readonly match: { readonly kind: 'cn'; readonly commonName: string } | { readonly kind: 'sha256'; readonly fingerprint: string };
  readonly tenants: readonly string[];
}

export interface TransportConfig {
  /** Unset: plain HTTP (TLS ends at a reverse proxy, or it is a developer's machine). */
  readonly tls?: TlsConfig;
  /** With client certificates on, an `intake` call must come with a certificate bound to its tenant. */
  readonly intakeCertBindings: readonly CertificateBinding[];
}

/** `true` when the engine asks for client certificates and so checks the intake's bindings. */
export function mutualTlsOn(transport: TransportConfig): boolean {
  return transport.tls !== undefined && transport.tls.clientCert !== 'off';
}

const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Derives the transport settings and adds the problems of their combination. */
export function resolveTransportConfig(settings: EngineEnvironment, purpose: ConfigPurpose, problems: string[]): TransportConfig {
  const intakeCertBindings = parseBindings(settings.INTAKE_CERT_BINDINGS ?? '', problems);
  if (purpose === 'migrate') return { intakeCertBindings };
  const { TLS_CERT_FILE: cert, TLS_KEY_FILE: key, TLS_CLIENT_CA_FILE: ca, TLS_CLIENT_CERT: clientCert } = settings;
  if (!cert !== !key) problems.push('TLS_CERT_FILE and TLS_KEY_FILE go together: set both (HTTPS) or neither (plain HTTP)');
  if (!cert || !key) {
    if (clientCert !== 'off') problems.push(`TLS_CLIENT_CERT=${clientCert} needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE`);
    if (ca) problems.push('TLS_CLIENT_CA_FILE needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE');
    if (intakeCertBindings.length > 0) problems.push('INTAKE_CERT_BINDINGS needs mutual TLS: set TLS_CERT_FILE, TLS_KEY_FILE, TLS_CLIENT_CA_FILE and TLS_CLIENT_CERT=require');
    return { intakeCertBindings };
  }
  if (clientCert !== 'off' && !ca) problems.push(`TLS_CLIENT_CERT=${clientCert} needs TLS_CLIENT_CA_FILE: the CA that signs the portal's client certificates`);
  if (clientCert === 'off' && intakeCertBindings.length > 0) problems.push('INTAKE_CERT_BINDINGS is set but TLS_CLIENT_CERT=off: no client certificate would ever be asked for; set TLS_CLIENT_CERT=require');
  for (const [name, file] of [['TLS_CERT_FILE', cert], ['TLS_KEY_FILE', key], ['TLS_CLIENT_CA_FILE', ca]] as const) {
    if (file && !readable(file)) problems.push(`${name}: cannot read ${resolve(file)}`);
  }
  return { tls: { certFile: resolve(cert), keyFile: resolve(key), ...(ca ? { clientCaFile: resolve(ca) } : {}), clientCert }, intakeCertBindings };
}

function parseBindings(text: string, problems: string[]): CertificateBinding[] {
  const bindings: CertificateBinding[] = [];
  for (const entry of text.split(/[;\n]/).map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.lastIndexOf('=');
    const subject = separator > 0 ? entry.slice(0, separator).trim() : '';
    const tenants = separator > 0 ? entry.slice(separator + 1).split(',').map((tenant) => tenant.trim()).filter(Boolean) : [];
    const match = matchOf(subject);
    if (!match || tenants.length === 0 || !tenants.every((tenant) => TENANT_ID.test(tenant))) {
      problems.push(`INTAKE_CERT_BINDINGS entry '${entry}' must read CN=<common name>=<tenant>[,<tenant>] or sha256:<fingerprint>=<tenant>[,<tenant>]`);
      continue;
    }
    bindings.push({ match, tenants });
  }
  return bindings;
}

function matchOf(subject: string): CertificateBinding['match'] | undefined {
  const fingerprint = /^sha256:([0-9a-f:]+)$/i.exec(subject)?.[1]?.replace(/:/g, '').toLowerCase();
  if (fingerprint !== undefined) return /^[0-9a-f]{64}$/.test(fingerprint) ? { kind: 'sha256', fingerprint } : undefined;
  const commonName = /^CN=(.+)$/i.exec(subject)?.[1]?.trim();
  return commonName ? { kind: 'cn', commonName } : undefined;
}

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
