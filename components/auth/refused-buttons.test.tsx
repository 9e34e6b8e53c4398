// Refused actions as the server renders them: still in the page and keyboard reachable, aria-disabled, described
// by the sentence saying why; allowed ones unchanged (no aria-disabled, no reason).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { RunDrillButton } from "../drills/run-drill-button";
import { WorkspaceHeading } from "../workspace/workspace-heading";
import type { MeState } from "./abilities";
import { AbilitiesFor } from "./abilities-provider";

const VICTOR: MeState = { status: "ready", me: { mode: "oidc", user: "victor", groups: ["eastwest:viewers"], roles: ["viewer"], workspaceRoles: {}, logoutPath: "/auth/logout" } };
const ANNIE: MeState = { status: "ready", me: { ...VICTOR.me, user: "annie", workspaceRoles: { "bookinfo/bookinfo-ws": ["app-owner"] } } };

/** What the heading reads of a workspace (it shows no failover table: that part is left out). */
const shown: Omit<WorkspaceDetail, "failover"> = {
  name: "bookinfo-ws",
  namespaceSelector: ["*/bookinfo"],
  settingsForm: "seed",
  exposure: { mode: "all" },
  managementCluster: "west",
  clusters: [],
  services: [],
  readiness: { workspace: "bookinfo-ws", ready: true, items: [] },
  conditions: [],
};
const detail = shown as WorkspaceDetail;
const noop = () => undefined;
const TARGET = { cluster: "east", namespace: "bookinfo", service: "details" };

/** The button whose visible text is `label`, and the element it is described by. */
function refusal(html: string, label: string) {
  const button = [...html.matchAll(/<button[^>]*>[\s\S]*?<\/button>/g)].map((m) => m[0]).find((b) => b.includes(label));
  const describedBy = button && /aria-describedby="([^"]+)"/.exec(button)?.[1];
  const reason = describedBy && new RegExp(`id="${describedBy}"[^>]*>([^<]*)<`).exec(html)?.[1];
  return { button: button ?? "", reason };
}

describe("refused actions", () => {
  it("keeps a viewer's deploy and expose buttons, refused, with the reason", () => {
    const sentence = "You are signed in as victor (viewer); changing gateways and exposure needs the platform-owner role in workspace bookinfo-ws.";
    const change = { allowed: false as const, reason: sentence };
    const html = renderToStaticMarkup(<WorkspaceHeading detail={detail} change={change} onDeploy={noop} onExpose={noop} />);
    for (const label of ["Deploy east-west gateway", "Expose services"]) {
      const { button, reason } = refusal(html, label);
      expect(button).toContain('aria-disabled="true"');
      expect(button).not.toContain(" disabled=");
      expect(reason).toBe(sentence);
    }
  });

  it("offers a platform owner the buttons as before", () => {
    const html = renderToStaticMarkup(<WorkspaceHeading detail={detail} onDeploy={noop} onExpose={noop} />);
    expect(html).not.toContain('aria-disabled="true"');
    expect(html).not.toContain("signed in as");
  });

  it("refuses a viewer's drill, saying why, and offers it to the workspace's app owner", () => {
    const refused = renderToStaticMarkup(
      <AbilitiesFor state={VICTOR}>
        <RunDrillButton target={TARGET} workspaces={["bookinfo-ws"]} />
      </AbilitiesFor>,
    );
    const { button, reason } = refusal(refused, "Run failover drill");
    expect(button).toContain('aria-disabled="true"');
    expect(reason).toBe("You are signed in as victor (viewer); starting a failover drill needs the app-owner role in a workspace spanning namespace bookinfo of cluster east.");
    const offered = renderToStaticMarkup(
      <AbilitiesFor state={ANNIE}>
        <RunDrillButton target={TARGET} workspaces={["bookinfo-ws"]} />
      </AbilitiesFor>,
    );
    expect(offered).not.toContain('aria-disabled="true"');
  });

  it("waits silently while auth.me loads: refused, the reason only for screen readers", () => {
    const html = renderToStaticMarkup(
      <AbilitiesFor state={{ status: "loading" }}>
        <RunDrillButton target={TARGET} />
      </AbilitiesFor>,
    );
    const { button, reason } = refusal(html, "Run failover drill");
    expect(button).toContain('aria-disabled="true"');
    expect(reason).toBe("Checking what you may do…");
    expect(html).toContain('class="sr-only"');
  });

  it("keeps the compact cell button's reason for screen readers until pressed", () => {
    const html = renderToStaticMarkup(
      <AbilitiesFor state={VICTOR}>
        <RunDrillButton compact target={TARGET} />
      </AbilitiesFor>,
    );
    const { reason } = refusal(html, "Run failover drill");
    expect(reason).toContain("needs the app-owner role");
    expect(html).toContain('class="sr-only"');
  });
});
