import { expect, type Page } from "@playwright/test";
import { parse } from "yaml";
import { kubectlAt } from "./kubectl";
import { DEMO_LAB_KUBECONFIG } from "./lab";

export const SHOTS = "screenshots/workspace";

/** A screenshot for a person to look at, named by step: the whole page, or the viewport while a dialog is open. */
export async function shot(page: Page, name: string): Promise<void> {
  // A modal's overlay is fixed to the viewport; a full-page capture would show it covering only the top.
  const modal = (await page.getByRole("dialog").count()) + (await page.getByRole("alertdialog").count()) > 0;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: !modal });
}

/** `kubectl get <resource> -A -o json` against the demo lab, items only. */
export async function liveItems(context: string, resource: string): Promise<KubeItem[]> {
  const out = await kubectlAt(DEMO_LAB_KUBECONFIG, context, ["get", resource, "-A", "-o", "json"]);
  return (JSON.parse(out) as { items: KubeItem[] }).items;
}

export type KubeItem = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: unknown;
};

/** The YAML shown in a named block, parsed (the block is a <figure> whose <pre> holds the text). */
export async function shownYaml(page: Page, label: string): Promise<KubeItem> {
  const text = await page.getByRole("figure", { name: label }).locator("pre").innerText();
  return parse(text) as KubeItem;
}

/** The live object holds exactly what the UI showed: same identity and spec, and the shown labels. */
export function expectHolds(live: KubeItem | undefined, shown: KubeItem): void {
  expect(live, `${shown.kind} ${shown.metadata.name} exists`).toBeDefined();
  expect(live?.apiVersion).toBe(shown.apiVersion);
  expect(live?.kind).toBe(shown.kind);
  expect(live?.metadata.name).toBe(shown.metadata.name);
  expect(live?.metadata.namespace).toBe(shown.metadata.namespace);
  expect(live?.metadata.labels ?? {}).toMatchObject(shown.metadata.labels ?? {});
  expect(live?.spec).toEqual(shown.spec);
}
