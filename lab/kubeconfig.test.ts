import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readLabTokens, usersKubeconfigPath, writeKubeconfig, writeUsersKubeconfig } from "./kubeconfig";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("lab kubeconfig", () => {
  it("writes one context per cluster, current-context first, mode 0600, parent dirs created", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lab-kc-"));
    dirs.push(dir);
    const path = join(dir, "a", "b", "kubeconfig");
    await writeKubeconfig(path, [{ name: "west", url: "http://127.0.0.1:17401" }, { name: "east", url: "http://127.0.0.1:17402" }]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const doc = parse(await readFile(path, "utf8")) as {
      "current-context": string;
      clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
      contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
      users: Array<{ name: string; user: { token: string } }>;
    };
    expect(doc["current-context"]).toBe("west");
    expect(doc.clusters).toEqual([
      { name: "west", cluster: { server: "http://127.0.0.1:17401", "insecure-skip-tls-verify": true } },
      { name: "east", cluster: { server: "http://127.0.0.1:17402", "insecure-skip-tls-verify": true } },
    ]);
    expect(doc.contexts.map((c) => [c.name, c.context.cluster, c.context.user])).toEqual([["west", "west", "west"], ["east", "east", "east"]]);
    expect(doc.users.every((u) => /^lab-[0-9a-f]{32}$/.test(u.user.token))).toBe(true);
  });

  it("writes the demo users' kubeconfig beside it (context <user>@<cluster>), and reads the lab's tokens back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lab-kc-"));
    dirs.push(dir);
    const path = join(dir, "kubeconfig");
    const clusters = [{ name: "west", url: "https://127.0.0.1:17401" }, { name: "east", url: "https://127.0.0.1:17402" }];
    const token = "lab-0123456789abcdef0123456789abcdef";
    await writeKubeconfig(path, clusters, token);
    const users = [{ name: "viewer", token: "lab-11111111111111111111111111111111" }, { name: "owner", certPem: "CERT", keyPem: "KEY" }];
    await writeUsersKubeconfig(usersKubeconfigPath(path), clusters, users);
    expect(usersKubeconfigPath(path)).toBe(join(dir, "users.kubeconfig"));
    expect((await stat(usersKubeconfigPath(path))).mode & 0o777).toBe(0o600);
    const doc = parse(await readFile(usersKubeconfigPath(path), "utf8")) as { contexts: Array<{ name: string }>; users: unknown[] };
    expect(doc.contexts.map((c) => c.name)).toEqual(["viewer@west", "viewer@east", "owner@west", "owner@east"]);
    expect(doc.users).toEqual([
      { name: "viewer", user: { token: "lab-11111111111111111111111111111111" } },
      { name: "owner", user: { "client-certificate-data": Buffer.from("CERT").toString("base64"), "client-key-data": Buffer.from("KEY").toString("base64") } },
    ]);
    expect(await readLabTokens(path)).toEqual({ west: token, east: token });
    expect(await readLabTokens(usersKubeconfigPath(path))).toEqual({ viewer: "lab-11111111111111111111111111111111" });
    expect(await readLabTokens(join(dir, "missing"))).toEqual({});
  });
});
