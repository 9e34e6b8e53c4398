// traffic.view's plain function: the whole view, one workspace's services only, and an unknown workspace refused
// (NOT_FOUND naming "workspace") before Prometheus is asked.
import { describe, expect, it, vi } from "vitest";
import type { TrafficFlow, TrafficView } from "@/lib/traffic/types";
import { asDomainError } from "@/server/errors";
import { testModel } from "@/server/workspaces/test/test-model";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import type { TrafficSource } from "./traffic-source";
import { trafficView } from "./traffic-view";

const DETAILS = "details.bookinfo.svc.cluster.local";
const ELSEWHERE = "web.other.svc.cluster.local";
const flow = (fqdn: string): TrafficFlow => ({ sourceCluster: "west", destinationCluster: "east", fqdn, rps: 1, errorRate: 0 });
const VIEW: TrafficView = {
  status: { state: "ok", window: "1m" },
  servedBy: [DETAILS, ELSEWHERE].map((fqdn) => ({ sourceCluster: "west", fqdn, rps: 1, errorRate: 0, servedBy: [{ cluster: "east", share: 1, rps: 1 }] })),
  flows: [flow(DETAILS), flow(ELSEWHERE)],
  at: "2026-12-05T00:00:00.000Z",
};

const fakeSource = (): TrafficSource & { view: ReturnType<typeof vi.fn> } => ({ view: vi.fn(async () => VIEW) });

describe("trafficView", () => {
  it("without a workspace: the whole view", async () => {
    const source = fakeSource();
    expect(await trafficView({ source, model: testModel(demoSnapshot()).model })).toBe(VIEW);
  });

  it("a workspace: its services only, the status kept; the same object for the same cached view", async () => {
    const source = fakeSource();
    const deps = { source, model: testModel(demoSnapshot()).model };
    const view = await trafficView(deps, "bookinfo-ws");
    expect(view.status).toEqual(VIEW.status);
    expect(view.servedBy.map((r) => r.fqdn)).toEqual([DETAILS]);
    expect(view.flows.map((f) => f.fqdn)).toEqual([DETAILS]);
    expect(await trafficView(deps, "bookinfo-ws")).toBe(view);
  });

  it("an unknown workspace: NOT_FOUND on the field workspace, Prometheus not asked", async () => {
    const source = fakeSource();
    const error = await trafficView({ source, model: testModel(demoSnapshot()).model }, "nope").catch((e: unknown) => e);
    expect(asDomainError(error)).toMatchObject({ tag: "eastwest.NotFound", field: "workspace" });
    expect(source.view).not.toHaveBeenCalled();
  });
});
