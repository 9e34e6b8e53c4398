import { describe, expect, it } from "vitest";
import { ingressGatewayManifest } from "./ingress-gateway";
import { applyActions, deleteActions, heredocDelimiter, kubectlCommand, kubectlScript, resourceName, shellQuote } from "./kubectl-command";

const manifest = ingressGatewayManifest("eastwest-gateway", "bookinfo");

describe("kubectlCommand", () => {
  it("applies with server-side apply and the console's field manager through a quoted here-doc", () => {
    expect(kubectlCommand({ type: "apply", context: "west", manifest })).toBe(
      [
        "kubectl --context west apply --server-side --field-manager=eastwest-console -f - <<'EOF'",
        "apiVersion: install.tetrate.io/v1alpha1",
        "kind: IngressGateway",
        "metadata:",
        "  name: eastwest-gateway",
        "  namespace: bookinfo",
        "  labels:",
        "    app.kubernetes.io/managed-by: eastwest-console",
        "spec:",
        "  eastWestOnly: true",
        "EOF",
      ].join("\n"),
    );
  });

  it.each([
    [{ dryRun: true }, "apply --server-side --field-manager=eastwest-console --dry-run=server -f -"],
    [{ forceConflicts: true }, "apply --server-side --field-manager=eastwest-console --force-conflicts -f -"],
  ])("adds flags %j", (flags, expected) => {
    expect(kubectlCommand({ type: "apply", context: "west", manifest, ...flags })).toContain(expected);
  });

  it.each([
    [{ apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", name: "eastwest-gateway", namespace: "bookinfo" }, "kubectl --context east delete ingressgateways.install.tetrate.io eastwest-gateway -n bookinfo"],
    [{ apiVersion: "v1", kind: "Namespace", name: "bookinfo" }, "kubectl --context east delete namespaces bookinfo"],
  ])("deletes %j", (target, expected) => {
    expect(kubectlCommand({ type: "delete", context: "east", ...target })).toBe(expected);
  });

  it("quotes context names that need it; YAML block scalars are indented, so EOF inside stays safe", () => {
    const tricky = { ...manifest, spec: { note: "x\nEOF\ny" } };
    const command = kubectlCommand({ type: "apply", context: "it's mine", manifest: tricky });
    expect(command.startsWith("kubectl --context 'it'\\''s mine' apply")).toBe(true);
    expect(command.split("\n").filter((line) => line === "EOF")).toHaveLength(1);
  });

  it.each([
    ["a: 1\n", "EOF"],
    ["EOF\n", "EOF_1"],
    ["EOF\nEOF_1\n", "EOF_2"],
  ])("heredocDelimiter(%j) = %s", (body, expected) => {
    expect(heredocDelimiter(body)).toBe(expected);
  });

  it("separates one command per cluster", () => {
    expect(kubectlScript(applyActions(manifest, ["west", "east"])).split("\n\n")).toHaveLength(2);
  });

  it("deletes the manifest's object in each cluster", () => {
    expect(kubectlScript(deleteActions(manifest, ["west", "east"]))).toBe(
      "kubectl --context west delete ingressgateways.install.tetrate.io eastwest-gateway -n bookinfo\n\nkubectl --context east delete ingressgateways.install.tetrate.io eastwest-gateway -n bookinfo",
    );
  });
});

describe("names", () => {
  it.each([
    ["networking.istio.io/v1", "ServiceEntry", "serviceentries.networking.istio.io"],
    ["networking.istio.io/v1", "DestinationRule", "destinationrules.networking.istio.io"],
    ["settings.tetrate.io/v1alpha1", "WorkspaceSetting", "workspacesettings.settings.tetrate.io"],
    ["v1", "Service", "services"],
    ["networking.istio.io/v1", "Gateway", "gateways.networking.istio.io"],
  ])("%s %s → %s", (apiVersion, kind, expected) => {
    expect(resourceName(apiVersion, kind)).toBe(expected);
  });

  it.each([
    ["west", "west"],
    ["arn:aws:eks:eu-west-2:1:cluster/prod", "arn:aws:eks:eu-west-2:1:cluster/prod"],
    ["a b", "'a b'"],
    ["$(rm)", "'$(rm)'"],
  ])("shellQuote(%j)", (word, expected) => {
    expect(shellQuote(word)).toBe(expected);
  });
});
