import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { shot } from "./support/workspace";

// The workspace page refetches its detail only when its own slice of the fleet changed: probes (every second in
// e2e) and a change in a namespace no workspace selects cause no `workspace.detail` request; a new Service in the
// workspace's namespace causes a refetch, and the page shows it.

const WORKSPACE = "bookinfo-ws";
const OTHER_NS = "slice-other";
const kube = (args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, "east", args, input);

/** A plain ClusterIP Service through `kubectl apply` (the lab serves JSON and YAML, not protobuf). */
const applyService = (name: string, namespace: string) =>
  kube(["apply", "-f", "-"], JSON.stringify({ apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ name: "http", port: 9080 }] } }));

type EastView = { checkedAt: string; services: number };

/** east as the console's fleet view has it now: when it was last probed, and how many Services it caches. */
async function eastView(request: APIRequestContext): Promise<EastView> {
  const res = await request.get("/api/trpc/fleet.clusters");
  const body = (await res.json()) as { result: { data: { json: { clusters: Array<{ cluster: string; checkedAt: string; sync: { counts: { services: number } } }> } } } };
  const east = body.result.data.json.clusters.find((c) => c.cluster === "east");
  if (!east) throw new Error("no east in the fleet view");
  return { checkedAt: east.checkedAt, services: east.sync.counts.services };
}

/** How many services the page says the workspace has ("· 3 in the workspace"). */
async function shownServiceCount(page: Page): Promise<number> {
  const text = await page.getByText(/· \d+ in the workspace/).innerText();
  return Number(/· (\d+) in the workspace/.exec(text)?.[1] ?? NaN);
}

test.afterAll(async () => {
  await kube(["delete", "service", "slice-live", "-n", "bookinfo", "--ignore-not-found"]);
  await kube(["delete", "namespace", OTHER_NS, "--ignore-not-found"]);
});

test("probes and another namespace cause no detail refetch; a change in the workspace's namespace causes one", async ({ page }) => {
  test.setTimeout(120_000);
  const detailRequests: Array<{ at: number }> = [];
  page.on("request", (req) => {
    if (req.url().includes("workspace.detail")) detailRequests.push({ at: Date.now() });
  });
  await page.goto(`/workspaces/${WORKSPACE}`);
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  // The server rendered the detail; the subscription's first version (the page may have missed a change since) makes
  // the one browser request of a page load.
  await expect.poll(() => detailRequests.length).toBeGreaterThanOrEqual(1);
  // The specs before this one share the lab, and what they leave settling in bookinfo (a gateway removed, its pods
  // terminating, the registry cleaning up after it) is a real change of this slice. The quiet window starts once the
  // slice has been still for 5 s, so only what this test does falls inside it.
  await expect
    .poll(() => Date.now() - (detailRequests.at(-1)?.at ?? 0), { timeout: 90_000, message: "the workspace's slice never settled" })
    .toBeGreaterThan(5_000);
  const before = await shownServiceCount(page);

  // Outside the slice: a namespace no workspace selects, a Service in it, and two probe rounds of east.
  const quietFrom = detailRequests.length;
  const start = await eastView(page.request);
  await kube(["create", "namespace", OTHER_NS]);
  await applyService("unrelated", OTHER_NS);
  let probes = 0;
  let last = start.checkedAt;
  await expect
    .poll(async () => {
      const now = await eastView(page.request);
      if (now.checkedAt !== last) [probes, last] = [probes + 1, now.checkedAt];
      return now.services > start.services && probes >= 2;
    }, { timeout: 30_000 })
    .toBe(true);
  const relatedAt = Date.now();
  expect(detailRequests.slice(quietFrom), "no workspace.detail request while only probes and another namespace changed").toEqual([]);

  // Inside the slice: a new Service in bookinfo.
  await applyService("slice-live", "bookinfo");
  await expect.poll(() => shownServiceCount(page)).toBe(before + 1);
  const refetches = detailRequests.filter((r) => r.at >= relatedAt).length;
  console.log(`workspace.detail requests: quiet window ${detailRequests.length - quietFrom - refetches}, after the change in bookinfo ${refetches}`);
  expect(refetches).toBe(1);
  await shot(page, "20-live-slice-refetched");
});
