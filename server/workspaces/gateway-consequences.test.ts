import { describe, expect, it } from "vitest";
import { shadowHash, shadowWorkloadEntryName } from "@/lib/names/object-names";
import type { PlanInput } from "@/lib/plan/input";
import { BOOKINFO, bookinfoCluster, DETAILS, eastWestGateway, seedInput, workspace } from "@/lib/plan/test-fixtures";
import { gatewayConsequences } from "./gateway-consequences";
import { STAND_IN_ADDRESS, withProposedGateway } from "./gateway-stand-in";
import { previewOver } from "./test/plan-fork";

const GW = { name: "eastwest-gateway", namespace: "bookinfo" };
const shadow = (service: string, source: string) => `bookinfo/${shadowWorkloadEntryName(service, shadowHash(source, "bookinfo", service), 0)}`;
const SE = (service: string) => `xcp-multicluster/global-gwinternal-${service}-bookinfo-svc-cluster-local`;

/** The lab's demo before any gateway: west and east run bookinfo, north only productpage. */
const noGateways = (exposed: string[] | undefined): PlanInput => ({
  clusters: [bookinfoCluster("west", BOOKINFO, false), bookinfoCluster("east", BOOKINFO, false), bookinfoCluster("north", ["productpage"], false)],
  workspaces: [workspace(exposed)],
  allowLoopbackGatewayAddresses: true,
});

describe("withProposedGateway", () => {
  it.each<[string, PlanInput, string[], string[]]>([
    ["a stand-in where the gateway does not exist yet", noGateways(undefined), ["west", "north"], ["west", "north"]],
    ["the live gateway kept where it exists", seedInput(), ["west", "north"], ["north"]],
    ["nothing for clusters not chosen", seedInput(), [], []],
  ])("%s", (_name, input, clusters, awaiting) => {
    const out = withProposedGateway(input, { ...GW, clusters });
    expect(out.awaiting).toEqual(awaiting);
    for (const c of out.input.clusters) {
      const before = input.clusters.find((b) => b.name === c.name);
      if (awaiting.includes(c.name)) expect(c.gateways.at(-1)).toMatchObject({ ...GW, podLabels: { app: "eastwest-gateway" }, addresses: [{ ip: STAND_IN_ADDRESS }] });
      else expect(c).toBe(before);
    }
  });
});

describe("gatewayConsequences", () => {
  it("expose all, gateways everywhere: every service reachable from the others, with the plain sentence", async () => {
    const out = await gatewayConsequences(previewOver(noGateways(undefined)), "bookinfo-ws", { ...GW, clusters: ["west", "east", "north"] });
    expect(out.awaitingAddresses).toEqual(["west", "east", "north"]);
    const north = out.consequences.find((c) => c.cluster === "north");
    expect(north?.serviceEntries.added).toEqual(["details", "ratings", "reviews"].map(SE));
    expect(out.consequences.find((c) => c.cluster === "west")?.workloadEntries.added).toEqual(
      [shadow("details", "east"), shadow("productpage", "east"), shadow("productpage", "north"), shadow("ratings", "east"), shadow("reviews", "east")].sort(),
    );
    expect(out.exposeAll).toBe("This workspace exposes every service by default: after this, all 4 services of bookinfo-ws become reachable from east, north and west.");
  });

  it.each<[string, PlanInput, string[], string | undefined, number]>([
    ["a list of services: no sentence (north gains details, west and east each other's)", noGateways([DETAILS]), ["west", "east"], undefined, 3],
    ["a gateway in one cluster reaches nobody new", noGateways(undefined), ["north"], "This workspace exposes every service by default: after this, 1 of the 4 services of bookinfo-ws become reachable from east and west.", 2],
    ["no WorkspaceSetting: nothing is exposed, nothing said", { ...noGateways(undefined), workspaces: [{ ...workspace(undefined), setting: undefined }] }, ["west", "east"], undefined, 0],
  ])("%s", async (_name, input, clusters, sentence, changed) => {
    const out = await gatewayConsequences(previewOver(input), "bookinfo-ws", { ...GW, clusters });
    expect(out.exposeAll).toBe(sentence);
    expect(out.consequences.filter((c) => c.serviceEntries.added.length + c.workloadEntries.added.length > 0)).toHaveLength(changed);
  });

  it("a gateway already serving changes nothing and awaits no address", async () => {
    const input = noGateways(undefined);
    input.clusters = input.clusters.map((c) => (c.name === "north" ? c : { ...c, gateways: [eastWestGateway(["10.0.0.1"])] }));
    const out = await gatewayConsequences(previewOver(input), "bookinfo-ws", { ...GW, clusters: ["west", "east"] });
    expect(out.awaitingAddresses).toEqual([]);
    expect(out.reachability).toEqual([]);
    expect(out.exposeAll).toBe("This workspace exposes every service by default, but after this no other cluster reaches a service of bookinfo-ws it did not reach before.");
  });
});
