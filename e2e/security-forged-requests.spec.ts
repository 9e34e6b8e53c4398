import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG, LAB_CLUSTERS } from "./support/lab";

// Requests another site, a plain HTML form or a DNS-rebinding page could make, sent raw against the workspace
// project's console (demo lab, registry writing): each is refused before any procedure runs, and the clusters hold
// exactly what they held before. A control request with the console page's own headers gets through, so the
// refusals are the guard's doing and not a bad body.

const ORIGIN = "http://127.0.0.1:3102";
const APPLY = "/api/trpc/workspace.gatewayApply";
const PREVIEW = "/api/trpc/workspace.gatewayPreview";
// A gateway in west for the demo lab's workspace (what the rebinding page of the report created), under a name no
// other spec uses: had any forgery got through, a new object would exist whatever ran before.
const FORGED = "forged-eastwest";
const BODY = JSON.stringify({ json: { workspace: "bookinfo-ws", clusters: ["west"], name: FORGED } });
const OWN = { origin: ORIGIN, "content-type": "application/json", "x-eastwest-csrf": "1" };

/** Every object a gateway deploy or an exposure writes, by cluster, with resourceVersions (any write changes one). */
async function written(): Promise<string[]> {
  const out: string[] = [];
  for (const cluster of LAB_CLUSTERS) {
    const json = await kubectlAt(DEMO_LAB_KUBECONFIG, cluster, ["get", "ingressgateways.install.tetrate.io,workspacesettings.settings.tetrate.io", "-A", "-o", "json"]);
    const items = (JSON.parse(json) as { items: Array<{ kind: string; metadata: { namespace?: string; name: string; resourceVersion: string } }> }).items;
    out.push(...items.map((o) => `${cluster} ${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}@${o.metadata.resourceVersion}`));
  }
  return out.sort();
}

type Forgery = { name: string; send: (request: APIRequestContext) => Promise<APIResponse>; status: number; says: RegExp };

const FORGERIES: Forgery[] = [
  {
    name: "a cross-origin POST (as if another site's page had its preflight granted)",
    send: (r) => r.post(APPLY, { headers: { ...OWN, origin: "https://evil.example", "sec-fetch-site": "cross-site" }, data: BODY }),
    status: 403,
    says: /from another site are refused/,
  },
  {
    name: "a cross-origin POST without browser metadata",
    send: (r) => r.post(APPLY, { headers: { ...OWN, origin: "https://evil.example" }, data: BODY }),
    status: 403,
    says: /needs an Origin header naming this console/,
  },
  {
    name: "a headerless POST (same origin, JSON, no custom header)",
    send: (r) => r.post(APPLY, { headers: { origin: ORIGIN, "content-type": "application/json" }, data: BODY }),
    status: 403,
    says: /needs the header x-eastwest-csrf: 1/,
  },
  {
    name: "a POST with no Origin at all",
    send: (r) => r.post(APPLY, { headers: { "content-type": "application/json", "x-eastwest-csrf": "1" }, data: BODY }),
    status: 403,
    says: /needs an Origin header naming this console \(got none\)/,
  },
  {
    name: "a multipart form POST, as a plain HTML form on another site sends it",
    send: (r) => r.post(APPLY, { headers: { origin: "https://evil.example" }, multipart: { json: BODY } }),
    status: 403,
    says: /needs the header x-eastwest-csrf/,
  },
  {
    name: "a multipart POST even with the custom header and this origin",
    send: (r) => r.post(APPLY, { headers: { origin: ORIGIN, "x-eastwest-csrf": "1" }, multipart: { json: BODY } }),
    status: 403,
    says: /must send application\/json \(got "multipart\/form-data/,
  },
  {
    name: "a DNS-rebinding page (its own origin, the custom header, JSON — only the Host betrays it)",
    send: (r) => r.post(APPLY, { headers: { ...OWN, host: "rebind.attacker.example:3102", origin: "http://rebind.attacker.example:3102" }, data: BODY }),
    status: 421,
    says: /does not answer for host "rebind\.attacker\.example:3102"/,
  },
  {
    name: "the mutation sent as a GET",
    send: (r) => r.get(`${APPLY}?input=${encodeURIComponent(BODY)}`),
    status: 405,
    says: /.*/,
  },
];

test("forged requests are refused and write nothing", async ({ request }) => {
  const before = await written();
  for (const forgery of FORGERIES) {
    const res = await forgery.send(request);
    expect(res.status(), forgery.name).toBe(forgery.status);
    expect(await res.text(), forgery.name).toMatch(forgery.says);
  }
  // The same body with the console page's own headers reaches the procedure (a preview: dry-run, no write).
  const control = await request.post(PREVIEW, { headers: OWN, data: BODY });
  expect(control.status(), await control.text()).toBe(200);
  const after = await written();
  expect(after).toEqual(before);
  expect(after.filter((o) => o.includes(FORGED))).toEqual([]);
});

test("a rebinding Host is refused on pages and queries too", async ({ request }) => {
  for (const path of ["/", "/workspaces/bookinfo-ws", `/api/trpc/fleet.clusters`]) {
    const res = await request.get(path, { headers: { host: "rebind.attacker.example" } });
    expect(res.status(), path).toBe(421);
    expect(await res.text()).not.toContain("west");
  }
  expect((await request.get("/api/trpc/fleet.clusters")).status()).toBe(200);
});

test("an oversized body with the page's own headers is refused as too large, through the proxy", async ({ request }) => {
  // The proxy keeps a bounded copy of the body for the route (next.config.js); the route must still see it is too big.
  for (const bytes of [1024 * 1024 + 100, 11 * 1024 * 1024]) {
    const padding = "x".repeat(bytes);
    const res = await request.post(PREVIEW, { headers: OWN, data: JSON.stringify({ json: { workspace: "bookinfo-ws", clusters: ["west"], name: padding } }) });
    expect(res.status(), `${bytes} bytes`).toBe(413);
  }
});
