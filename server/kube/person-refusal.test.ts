import { describe, expect, it } from "vitest";
import type { KubeStatus } from "./kube-status";
import { personRefusalMessage } from "./person-refusal";

const who = { user: "victor", groups: ["eastwest:viewers"] };
const call = { cluster: "west", method: "PATCH", what: "IngressGateway bookinfo/eastwest" };
const upstream = (verb: string, resource: string, group: string) => `x is forbidden: User "victor" cannot ${verb} resource "${resource}" in API group "${group}" in the namespace "bookinfo"`;

describe("a cluster's 403 to a person's call", () => {
  it.each<[string, KubeStatus, string]>([
    ["an apply judged as patch", { message: upstream("patch", "ingressgateways", "install.tetrate.io"), details: { kind: "ingressgateways", group: "install.tetrate.io" } }, "you may not patch ingressgateways.install.tetrate.io in west: "],
    ["an apply that would create, judged as create", { message: upstream("create", "workspacesettings", "settings.tetrate.io"), details: { kind: "workspacesettings", group: "settings.tetrate.io" } }, "you may not create workspacesettings.settings.tetrate.io in west: "],
    ["a subresource", { message: upstream("patch", "deployments/scale", "apps"), details: { kind: "deployments", group: "apps" } }, "you may not patch deployments.apps/scale in west: "],
    ["the core group", { message: upstream("delete", "pods", ""), details: { kind: "pods" } }, "you may not delete pods in west: "],
    ["a message of another form: the method and the Status details", { message: "denied by policy", details: { kind: "failoverdrills", group: "eastwest.dev" } }, "you may not patch failoverdrills.eastwest.dev in west: denied by policy"],
    ["no Status at all: our own words for the target", {}, "you may not patch IngressGateway bookinfo/eastwest in west: west answered 403 Forbidden."],
  ])("%s", (_, status, expected) => {
    const said = personRefusalMessage(call, who, status);
    expect(said.startsWith(expected)).toBe(true);
    // The cluster's reason is kept verbatim.
    if (status.message) expect(said.endsWith(status.message)).toBe(true);
  });

  it("blames the console's credentials, not the person, when the impersonation itself is refused", () => {
    const message = 'users "victor" is forbidden: User "system:serviceaccount:eastwest:console" cannot impersonate resource "users" in API group "" at the cluster scope';
    const said = personRefusalMessage(call, who, { message, details: { kind: "users", name: "victor" } });
    expect(said).toBe(`The console may not act as victor in west: its own credentials lack the impersonate permission (see deploy/rbac). ${message}`);
  });
});
