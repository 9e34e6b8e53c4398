import { expect, test } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { shot } from "./support/workspace";

// A field another manager owns (here a GitOps controller that applied exposedServices with server-side apply) is
// shown as a conflict naming that manager; the console never takes it silently. Forcing is a separate, explicit
// choice, and afterwards the cluster holds the console's value with the console as the field's owner.
// Runs after workspace-deploy-expose (files run in name order on one worker); it plants its own starting state.

const WORKSPACE = "bookinfo-ws";
const SETTINGS = "workspacesettings.settings.tetrate.io";
const PRODUCTPAGE = "productpage.bookinfo.svc.cluster.local";
const DETAILS = "details.bookinfo.svc.cluster.local";

type LiveSetting = {
  metadata: { managedFields?: Array<{ manager: string; fieldsV1?: unknown }> };
  spec: { defaultEastWestGatewaySettings: { exposedServices?: string[] } };
};

const kubectl = (args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, "west", args, input);

async function liveSetting(): Promise<LiveSetting> {
  return JSON.parse(await kubectl(["-n", "bookinfo", "get", SETTINGS, `${WORKSPACE}-setting`, "-o", "json", "--show-managed-fields"])) as LiveSetting;
}

/** Which managers own spec.defaultEastWestGatewaySettings.exposedServices (managedFields, fieldsV1 form). */
function ownersOfExposed(live: LiveSetting): string[] {
  return (live.metadata.managedFields ?? [])
    .filter((entry) => JSON.stringify(entry.fieldsV1 ?? {}).includes('"f:exposedServices"'))
    .map((entry) => entry.manager);
}

const GITOPS_SETTING = `apiVersion: settings.tetrate.io/v1alpha1
kind: WorkspaceSetting
metadata:
  name: ${WORKSPACE}-setting
  namespace: bookinfo
spec:
  workspace: ${WORKSPACE}
  defaultEastWestGatewaySettings:
    workloadSelector:
      app: eastwest-gateway
    exposedServices:
      - ${PRODUCTPAGE}
`;

test("a field owned by another manager is a conflict naming it; forcing is an explicit choice", async ({ page }) => {
  test.setTimeout(120_000);
  // The GitOps controller takes exposedServices (forcing, whatever ran before this test).
  await kubectl(["apply", "--server-side", "--field-manager=gitops", "--force-conflicts", "-f", "-"], GITOPS_SETTING);
  expect(ownersOfExposed(await liveSetting())).toEqual(["gitops"]);

  await page.goto(`/workspaces/${WORKSPACE}`);
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expect(expose.getByRole("radio", { name: /Choose services/ })).toBeChecked();
  await expose.getByRole("checkbox", { name: PRODUCTPAGE }).uncheck();
  await expose.getByRole("checkbox", { name: DETAILS }).check();
  await expose.getByRole("button", { name: "Preview" }).click();

  // The dry-run names the owner; Apply stays disabled until force is chosen.
  await expose.getByRole("tab", { name: /Server dry-run/ }).click();
  const conflicts = expose.getByRole("table", { name: "Field ownership conflicts" });
  await expect(conflicts.getByRole("row", { name: /exposedServices.*gitops/ })).toBeVisible();
  await expect(expose.getByRole("button", { name: "Apply to all 3 clusters" })).toBeDisabled();
  await shot(page, "20-conflict-dry-run");
  await expectNoSeriousA11yViolations(page, "the expose dialog with an ownership conflict");
  expect((await liveSetting()).spec.defaultEastWestGatewaySettings.exposedServices).toEqual([PRODUCTPAGE]);

  await expose.getByRole("checkbox", { name: /Force ownership/ }).check();
  await shot(page, "21-conflict-force-chosen");
  await expose.getByRole("button", { name: "Apply with force" }).click();
  await expect(expose.getByText(/^Applied WorkspaceSetting /)).toBeVisible();
  await shot(page, "22-conflict-forced");

  const after = await liveSetting();
  expect(after.spec.defaultEastWestGatewaySettings.exposedServices).toEqual([DETAILS]);
  expect(ownersOfExposed(after)).toEqual(["eastwest-console"]);
});
