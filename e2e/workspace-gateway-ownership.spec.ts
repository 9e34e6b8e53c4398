import { expect, test } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { liveItems, shot, shownYaml } from "./support/workspace";

// A gateway that only claims to be the console's (its managed-by label copied by hand, applied by kubectl, with
// eastWestOnly false) is never removed: the dialog shows the live object and says what proof is missing, and the
// object is still there afterwards. Runs after workspace-deploy-expose (files run in name order on one worker).

const WORKSPACE = "bookinfo-ws";
const INGRESS = "ingressgateways.install.tetrate.io";
const NAME = "copied-gateway";

const COPIED = `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata:
  name: ${NAME}
  namespace: bookinfo
  labels:
    app.kubernetes.io/managed-by: eastwest-console
spec:
  eastWestOnly: false
`;

const kubectl = (args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, "west", args, input);

test.afterEach(async () => {
  await kubectl(["-n", "bookinfo", "delete", INGRESS, NAME, "--ignore-not-found"]);
});

test("a kubectl-made gateway with the console's label copied is refused, showing the live object and what is missing", async ({ page }) => {
  await kubectl(["apply", "-f", "-"], COPIED);
  await page.goto(`/workspaces/${WORKSPACE}`);
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  const card = page.getByRole("region", { name: `Gateway bookinfo/${NAME} in west` });
  await expect(card.getByText("spec.eastWestOnly is not true, so this is not an east-west gateway")).toBeVisible();
  await card.getByRole("button", { name: `Remove ${NAME} from west` }).click();

  const dialog = page.getByRole("alertdialog", { name: `Remove ${NAME} from west?` });
  await expect(dialog.getByText("The console will not remove this gateway")).toBeVisible();
  await expect(dialog.getByText(/not provably the console's: it lacks the console's field manager \(eastwest-console\) in metadata\.managedFields and spec\.eastWestOnly: true/)).toBeVisible();
  await expect(dialog.getByText(/Nothing was deleted\./)).toBeVisible();
  const live = await shownYaml(page, "Live IngressGateway YAML");
  expect(live.spec).toEqual({ eastWestOnly: false });
  expect(live.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "eastwest-console" });
  await expect(dialog.getByRole("button", { name: "Remove gateway" })).toBeDisabled();
  await expect(dialog.getByRole("figure", { name: "kubectl command" })).toHaveCount(0);
  await shot(page, "20-remove-refused");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  expect((await liveItems("west", INGRESS)).map((g) => g.metadata.name)).toContain(NAME);
});
