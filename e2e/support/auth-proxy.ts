// An authenticating reverse proxy as the specs' own server (127.0.0.1, port 0): it says who the browser is with
// X-Forwarded-User / X-Forwarded-Groups (dropping any copy the client sent, as a real one must) and connects to the
// console FROM 127.0.0.2, the only address the proxy console trusts. The browser itself connects from 127.0.0.1,
// so the same headers sent straight to the console come from an untrusted peer.
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TRUSTED_PROXY_ADDRESS } from "./oidc-consoles";

export type AuthProxy = { url: string; close: () => Promise<void> };
export type ProxiedPerson = { user: string; groups: string[] };

const IDENTITY_HEADERS = ["x-forwarded-user", "x-forwarded-groups"];

function forwardedHeaders(headers: IncomingHttpHeaders, person: ProxiedPerson): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!IDENTITY_HEADERS.includes(name)) out[name] = value;
  out["x-forwarded-user"] = person.user;
  out["x-forwarded-groups"] = person.groups.join(",");
  return out;
}

/** Starts the proxy in front of `target` (http://127.0.0.1:<port>); the Host header passes through unchanged. */
export async function startAuthProxy(target: string, person: ProxiedPerson): Promise<AuthProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, localAddress: TRUSTED_PROXY_ADDRESS, method: req.method, path: req.url, headers: forwardedHeaders(req.headers, person) },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        // Event streams must reach the browser as they come.
        res.flushHeaders();
        answer.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(out);
    res.on("close", () => out.destroy());
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}`, close };
}
