// The hook over the shared traffic query, rendered on the server with the query's answer already in the cache (as
// the page has it after the first poll): figures only from a view Prometheus answered, the note's state always,
// edge figures by id, and the workspace's own query (its key) rather than the fleet's.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { TopologyEdge } from "@/lib/topology/types";
import type { TrafficView } from "@/lib/traffic/types";
import type { AppRouter } from "@/server/routers/app-router";
import { TRPCProvider } from "../../trpc";
import { useTopologyTraffic } from "./use-topology-traffic";

const DETAILS = "details.bookinfo.svc.cluster.local";
const AT = "2026-12-05T04:00:00.000Z";
const OK: TrafficView = { status: { state: "ok", window: "1m" }, servedBy: [], flows: [{ sourceCluster: "west", destinationCluster: "east", fqdn: DETAILS, rps: 2, errorRate: 0 }], at: AT };
const EDGE: TopologyEdge = { id: "e1", kind: "failover", source: "svc:west/d", target: "gw:east/istio-system/eastwest", count: 1, status: "active", statusCounts: { active: 1 }, sourceCluster: "west", targetCluster: "east", fqdns: [DETAILS] };
const EDGES = [EDGE];

function Probe({ workspace }: { workspace?: string }) {
  const t = useTopologyTraffic(workspace, EDGES);
  return <pre>{JSON.stringify({ view: t.view?.status.state ?? null, state: t.state ?? null, e1: t.byEdge.get("e1") ?? null })}</pre>;
}

/** Renders the probe with `answer` cached for `cachedFor`'s query (nothing is fetched during a server render). */
function render(answer: TrafficView, cachedFor: string | undefined, workspace: string | undefined) {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer: superjson })] });
  const proxy = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(proxy.traffic.view.queryKey(cachedFor === undefined ? {} : { workspace: cachedFor }), answer);
  const html = renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Probe workspace={workspace} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
  return JSON.parse(html.replace(/^<pre>|<\/pre>$/g, "").replaceAll("&quot;", '"')) as { view: string | null; state: unknown; e1: unknown };
}

describe("useTopologyTraffic", () => {
  it("an answered view: its edge figures and the note's state", () => {
    expect(render(OK, undefined, undefined)).toEqual({ view: "ok", state: { status: OK.status, at: AT }, e1: { rps: 2, errorRate: 0, scope: "services" } });
  });

  it("a workspace reads its own query", () => {
    expect(render(OK, "shop", "shop").e1).toEqual({ rps: 2, errorRate: 0, scope: "services" });
    expect(render(OK, undefined, "shop")).toEqual({ view: null, state: null, e1: null });
  });

  it("Prometheus down: no view and no figure, the note's state says why", () => {
    const down: TrafficView = { ...OK, status: { state: "down", message: "no answer in time" } };
    expect(render(down, undefined, undefined)).toEqual({ view: null, state: { status: down.status, at: AT }, e1: null });
  });
});
