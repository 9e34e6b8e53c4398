// The start-up line that says how people sign in (never a secret): an operator reading the log knows at once
// whether the console is open to loopback only, trusts a proxy, or asks an OpenID provider.
import type { AuthSettings } from "@/server/auth/settings";

export function authLine(auth: AuthSettings): string {
  switch (auth.mode) {
    case "none":
      return "auth: none — loopback only, acting as the kubeconfig's own user (EASTWEST_AUTH_MODE=proxy or oidc signs people in)";
    case "proxy":
      return `auth: proxy — ${auth.userHeader} and ${auth.groupsHeader} believed only from ${auth.trusted.entries.join(", ")}`;
    case "oidc": {
      const hours = Math.round((auth.session.maxAgeSeconds / 3600) * 10) / 10;
      const client = auth.clientSecret ? `confidential client ${auth.clientId}` : `public client ${auth.clientId}`;
      const rotating = auth.session.previous ? "; sessions sealed with the previous secret still accepted" : "";
      return `auth: oidc — ${auth.issuer}, ${client}, PKCE; sessions end after ${hours} h${rotating}${auth.secureCookies ? "" : " (http on loopback: cookies without Secure)"}`;
    }
  }
}
