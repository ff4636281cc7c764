/**
 * The part of panva's oidc-provider (ships no types) that the browser test of the OpenID Connect
 * sign-in uses: a provider over a configuration, and its Node request handler.
 */
declare module 'oidc-provider' {
  /** The configuration object (lib/helpers/defaults.js of the package lists every option). */
  export type Configuration = Record<string, unknown>;

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    /** The request handler for `http.createServer`. */
    callback(): (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
