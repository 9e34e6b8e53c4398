import { describe, expect, it } from "vitest";
import type { TopologyRow } from "@/lib/topology/types";
import { connectCommand, curlCommand, curlExplains, shellQuote } from "./test-command";

const row = (state: TopologyRow["state"], targets: TopologyRow["targets"] = []): TopologyRow => ({ id: "svc:east/details.bookinfo.svc.cluster.local", cluster: "east", fqdn: "details.bookinfo.svc.cluster.local", namespace: "bookinfo", state, words: "", targets, sentence: "" });

describe("test from another cluster", () => {
  it.each([
    ["west", "west"],
    ["kind-west@admin", "kind-west@admin"],
    ["my cluster", "'my cluster'"],
    ["it's", `'it'"'"'s'`],
    ["$(rm -rf /)", "'$(rm -rf /)'"],
  ])("shellQuote(%j) = %s", (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it("curl runs in the other cluster's namespace with a sidecar that starts first", () => {
    expect(curlCommand("east", "bookinfo", "details.bookinfo.svc.cluster.local", 9080)).toBe(
      `kubectl --context east -n bookinfo run eastwest-test-details --rm -i --restart=Never --image=curlimages/curl --labels=sidecar.istio.io/inject=true --annotations='proxy.istio.io/config={"holdApplicationUntilProxyStarts": true}' --command -- curl -sS -m 10 -o /dev/null -w '%{http_code}\\n' http://details.bookinfo.svc.cluster.local:9080/`,
    );
  });

  it("a context name with a space is quoted", () => {
    expect(connectCommand("my cluster", "10.0.0.1")).toContain("--context 'my cluster' run");
  });

  it.each<[TopologyRow["state"], TopologyRow["targets"], string]>([
    ["serving-locally", [], "east runs it too (Serving locally): its own ready instance answers; west is reached only once east has none ready."],
    ["failed-over", [{ cluster: "west", gateway: "bookinfo/eastwest-gateway" }], "east has no ready instance (Failed over): the request goes to west through bookinfo/eastwest-gateway."],
    ["remote-only", [], "east consumes it through a ServiceEntry: the request goes to no working cluster now."],
    ["unavailable", [], "east reads it as Unavailable: expect the request to fail."],
    ["unknown", [], "east cannot be seen now: the result says what the cluster does, which the console cannot."],
  ])("what a request from a cluster that is %s shows", (kind, targets, words) => {
    expect(curlExplains(row(kind, targets), "west")).toBe(words);
  });
});
