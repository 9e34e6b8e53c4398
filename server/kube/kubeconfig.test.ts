import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeApiServer, type FakeApiServer } from "../testing/fake-apiserver";
import { CANARY_TOKEN, writeKubeconfig } from "../testing/kubeconfig-fixture";
import { displayServer, loadKubeconfig } from "./kubeconfig";
import { probeCluster } from "./probe";

let west: FakeApiServer;
let east: FakeApiServer;
let tmp: string;

beforeAll(async () => {
  [west, east] = await Promise.all([startFakeApiServer("v1.31.4"), startFakeApiServer("v1.30.2")]);
  tmp = await mkdtemp(path.join(os.tmpdir(), "eastwest-kc-test-"));
});
afterAll(async () => {
  await Promise.all([west.close(), east.close()]);
});

async function twoClusters() {
  const dir = await mkdtemp(path.join(tmp, "two-"));
  return writeKubeconfig([{ name: "west", server: west.url }, { name: "east", server: east.url }], dir);
}

describe("loadKubeconfig", () => {
  it("gives one handle per context, in kubeconfig order", async () => {
    const load = await loadKubeconfig([await twoClusters()], []);
    if (!load.ok) throw new Error(load.error.message);
    expect(load.clusters.map((c) => [c.name, c.server])).toEqual([["west", west.url], ["east", east.url]]);
  });

  it("sends each cluster only its own token", async () => {
    const load = await loadKubeconfig([await twoClusters()], []);
    if (!load.ok) throw new Error(load.error.message);
    west.authorizations.length = 0;
    east.authorizations.length = 0;
    // Interleave the probes: with a shared KubeConfig the last context switch would win.
    await Promise.all(load.clusters.map((c) => probeCluster(c, 2000)));
    expect(west.authorizations).toEqual([`Bearer ${CANARY_TOKEN}-west`]);
    expect(east.authorizations).toEqual([`Bearer ${CANARY_TOKEN}-east`]);
  });

  it("filters by the allow-list and reports listed contexts it cannot find", async () => {
    const load = await loadKubeconfig([await twoClusters()], ["east", "south"]);
    if (!load.ok) throw new Error(load.error.message);
    expect(load.clusters.map((c) => c.name)).toEqual(["east", "south"]);
    expect(load.clusters[1]?.kubeConfig).toBeNull();
    expect(load.clusters[1]?.problem).toMatch(/south is listed in EASTWEST_CONTEXTS/);
    // What the allow-list leaves out is known, so a recheck can say "excluded" instead of "not in the kubeconfig".
    expect(load.excluded).toEqual(["west"]);
  });

  it("merges several files, first definition wins, missing files skipped", async () => {
    const a = await writeKubeconfig([{ name: "west", server: west.url }], await mkdtemp(path.join(tmp, "a-")));
    const b = await writeKubeconfig(
      [{ name: "west", server: "http://shadowed.invalid" }, { name: "east", server: east.url }],
      await mkdtemp(path.join(tmp, "b-")),
    );
    const load = await loadKubeconfig([a, path.join(tmp, "nope"), b], []);
    if (!load.ok) throw new Error(load.error.message);
    expect(load.sources).toEqual([a, b]);
    expect(load.clusters.map((c) => [c.name, c.server])).toEqual([["west", west.url], ["east", east.url]]);
  });

  it.each([
    ["missing", async () => [path.join(tmp, "absent")], "missing", /No kubeconfig found at .*absent/],
    ["a directory", async () => [tmp], "unreadable", /cannot be read \(EISDIR\)/],
    ["invalid YAML", async () => [await file("clusters: [\n  token: " + CANARY_TOKEN)], "invalid", /not valid \(YAML error near line \d+\)/],
    ["not a kubeconfig", async () => [await file("clusters:\n  - cluster: {}\n")], "invalid", /not valid/],
  ])("config error when %s", async (_name, paths, reason, message) => {
    const load = await loadKubeconfig(await paths(), []);
    if (load.ok) throw new Error("expected a config error");
    expect(load.error.reason).toBe(reason);
    expect(load.error.message).toMatch(message);
    expect(load.error.hint).toContain("npm run lab");
    expect(JSON.stringify(load)).not.toContain(CANARY_TOKEN);
  });

  it("changes its fingerprint when the file changes", async () => {
    const p = await twoClusters();
    const before = await loadKubeconfig([p], []);
    await writeKubeconfig([{ name: "west", server: west.url }], path.dirname(p));
    const after = await loadKubeconfig([p], []);
    expect(before.fingerprint).not.toBe(after.fingerprint);
  });
});

describe("displayServer", () => {
  it.each([
    ["https://admin:hunter2@k8s.example:6443/", "https://k8s.example:6443"],
    ["http://127.0.0.1:17401", "http://127.0.0.1:17401"],
    ["not a url", "(invalid server URL)"],
  ])("%s → %s", (input, expected) => {
    expect(displayServer(input)).toBe(expected);
  });
});

async function file(text: string): Promise<string> {
  const p = path.join(await mkdtemp(path.join(tmp, "f-")), "config");
  await writeFile(p, text);
  return p;
}
