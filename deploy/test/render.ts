// Renders a kustomization with the kubectl on this machine (`kubectl kustomize`, offline) into its objects.
import { KUBECTL } from "@/server/testing/kubectl-path";
import { execFile } from "node:child_process";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export type Rendered = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown };

export const OVERLAYS = ["oidc", "proxy"] as const;

export const overlayDir = (name: string) => path.join(process.cwd(), "deploy", "overlays", name);

export function kustomize(dir: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(KUBECTL, ["kustomize", dir], { timeout: 30_000 }, (err, stdout, stderr) => (err ? reject(new Error(`kubectl kustomize ${dir}: ${stderr || err.message}`)) : resolve(stdout))),
  );
}

export async function renderObjects(dir: string): Promise<Rendered[]> {
  return parseAllDocuments(await kustomize(dir)).map((doc) => doc.toJS() as Rendered);
}

export const find = (objects: readonly Rendered[], kind: string, namePrefix: string) => objects.find((o) => o.kind === kind && o.metadata.name.startsWith(namePrefix));
