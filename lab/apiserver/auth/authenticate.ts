// Authentication: client certificates signed by the lab's client CA (`--client-ca-file`: CN = user, O = groups)
// and a static token file (the users the lab wrote into its kubeconfigs) as `--token-auth-file` does.
// A bearer token it does not know is 401, as is a request without credentials, except on the health and version
// paths that upstream leaves open to anonymous callers (AnonymousAuthConfigurableEndpoints); those run as
// system:anonymous and RBAC's system:public-info-viewer lets them through.
// With `insecurePlainHttp`, plain HTTP without credentials is the old insecure port (see AuthConfig).
// Without a token table the server has no authentication at all and every request is system:unsecured in
// system:masters, as on upstream's old insecure port: the API server's own conformance tests run that way.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { TLSSocket } from "node:tls";
import { unauthorized } from "../status";
import { ANONYMOUS_USER, MASTERS_GROUP, UNAUTHENTICATED_GROUP, withAuthenticated, type UserInfo } from "./identity";

export interface TokenUser {
  token: string;
  user: UserInfo;
}

export interface AuthConfig {
  /** Every bearer token the cluster accepts, with the user it authenticates (system:authenticated is added). */
  tokens: TokenUser[];
  /**
   * A plain-HTTP request without credentials acts as system:unsecured (system:masters), as upstream's old insecure
   * port on localhost did, instead of 401. The lab's kubeconfigs name its https:// side, where credentials are
   * always checked; this keeps the lab's own plain-HTTP tools (and its printed http:// URLs) working. A token sent
   * over plain HTTP is still checked.
   */
  insecurePlainHttp?: boolean;
}

export const UNSECURED_USER: UserInfo = { name: "system:unsecured", groups: [MASTERS_GROUP, "system:authenticated"] };
const ANONYMOUS: UserInfo = { name: ANONYMOUS_USER, groups: [UNAUTHENTICATED_GROUP] };
const ANONYMOUS_PATHS = new Set(["/healthz", "/readyz", "/livez", "/version"]);

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Compared as digests in constant time: the answer's timing says nothing about how much of a token matched. */
function findToken(config: AuthConfig, presented: string): TokenUser | undefined {
  const wanted = digest(presented);
  let found: TokenUser | undefined;
  for (const entry of config.tokens) if (timingSafeEqual(digest(entry.token), wanted)) found = entry;
  return found;
}

function isEncrypted(req: IncomingMessage): boolean {
  return "encrypted" in req.socket && req.socket.encrypted === true;
}

type PeerCertificate = { authorized: boolean; user: UserInfo } | undefined;

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The x509 authenticator: a client certificate's CN is the user, its O entries the groups (only if it chains to the client CA). */
function peerCertificate(req: IncomingMessage): PeerCertificate {
  const socket = req.socket;
  if (!(socket instanceof TLSSocket)) return undefined;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const name = asList(cert.subject.CN)[0] ?? "";
  return { authorized: socket.authorized && name !== "", user: { name, groups: asList(cert.subject.O) } };
}

export function authenticate(req: IncomingMessage, path: string, config: AuthConfig | undefined): UserInfo {
  if (!config) return UNSECURED_USER;
  // Upstream's union authenticator tries the x509 one first: a certificate from the client CA authenticates.
  const certificate = peerCertificate(req);
  if (certificate?.authorized) return { ...certificate.user, groups: withAuthenticated(certificate.user.groups) };
  const header = req.headers.authorization;
  if (header === undefined) {
    if (config.insecurePlainHttp && !isEncrypted(req)) return UNSECURED_USER;
    if (ANONYMOUS_PATHS.has(path)) return ANONYMOUS;
    throw unauthorized();
  }
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  const entry = match?.[1] ? findToken(config, match[1]) : undefined;
  if (!entry) throw unauthorized();
  return { ...entry.user, groups: withAuthenticated(entry.user.groups) };
}
