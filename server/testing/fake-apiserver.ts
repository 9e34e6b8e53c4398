import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type FakeMode = "ok" | "unauthorized" | "forbidden" | "hang";

/**
 * A tiny stand-in for a kube-apiserver that answers `/version`, for unit tests that must
 * not depend on the lab. Records the Authorization header of every request.
 */
export async function startFakeApiServer(gitVersion = "v1.31.4") {
  let mode: FakeMode = "ok";
  const authorizations: Array<string | undefined> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    authorizations.push(req.headers.authorization);
    if (mode === "hang") return;
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (mode === "unauthorized") return send(401, status(401, "Unauthorized"));
    if (mode === "forbidden") return send(403, status(403, "Forbidden"));
    if (req.url === "/version") return send(200, { major: "1", minor: "31", gitVersion, platform: "linux/amd64" });
    send(404, status(404, "NotFound"));
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    authorizations,
    setMode: (m: FakeMode) => {
      mode = m;
    },
    close,
  };
}

/** Listens on an ephemeral loopback port; `close` also cuts open connections (a hung request, a watch). */
export async function listenOnLoopback(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function status(code: number, reason: string) {
  return { kind: "Status", apiVersion: "v1", status: "Failure", reason, code, message: reason };
}

export type FakeApiServer = Awaited<ReturnType<typeof startFakeApiServer>>;
