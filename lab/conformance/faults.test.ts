// The lab's fault injection on one cluster API (ApiServer.setFault): refuse, hang, unauthorized, latency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatch, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

async function errorCode(url: string, timeoutMs?: number): Promise<string> {
  try {
    await fetch(url, timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {});
    return "answered";
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code ?? (err as Error).name;
  }
}

describe("faults", () => {
  it("refuse closes the listener and open watches, and none re-listens on the same port", async () => {
    const watch = await openWatch(`${lab.url}/api/v1/namespaces?watch=true`);
    await lab.server.setFault({ mode: "refuse" });
    await watch.ended;
    expect(await errorCode(`${lab.url}/healthz`)).toBe("ECONNREFUSED");
    await lab.server.setFault({ mode: "none" });
    expect((await lab.call("GET", "/healthz")).status).toBe(200);
  });

  it("hang accepts and never answers, until lifted", async () => {
    await lab.server.setFault({ mode: "hang" });
    expect(await errorCode(`${lab.url}/healthz`, 300)).toBe("TimeoutError");
    await lab.server.setFault({ mode: "none" });
    expect((await lab.call("GET", "/healthz")).status).toBe(200);
  });

  it("unauthorized answers 401 Status", async () => {
    await lab.server.setFault({ mode: "unauthorized" });
    const reply = await lab.call("GET", "/api/v1/namespaces");
    expect(reply.status).toBe(401);
    expect(reply.contentType).toBe("application/json");
    expect(reply.body).toMatchObject({ kind: "Status", status: "Failure", reason: "Unauthorized", code: 401, message: "Unauthorized" });
    await lab.server.setFault({ mode: "none" });
    expect((await lab.call("GET", "/api/v1/namespaces")).status).toBe(200);
  });

  it("latencyMs delays every response", async () => {
    await lab.server.setFault({ mode: "none", latencyMs: 200 });
    const started = Date.now();
    expect((await lab.call("GET", "/healthz")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await lab.server.setFault({ mode: "none" });
  });
});
