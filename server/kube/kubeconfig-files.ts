import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ConfigError } from "@/lib/fleet-schema";

export type KubeconfigFile = { path: string; text: string };

export type KubeconfigFiles =
  | { ok: true; files: KubeconfigFile[]; fingerprint: string }
  | { ok: false; error: ConfigError; fingerprint: string };

const HINT =
  'Run "npm run lab" and start the console with KUBECONFIG=.lab/kubeconfig ("npm run demo" does both), or set KUBECONFIG to your kubeconfig file(s).';

/**
 * Reads the kubeconfig files the way kubectl treats KUBECONFIG: files that do not exist
 * are skipped, but at least one must exist, and a file that exists but cannot be read is
 * an error. The fingerprint changes whenever any content changes, so callers can reload
 * cheaply on each refresh without parsing.
 */
export async function readKubeconfigFiles(paths: string[]): Promise<KubeconfigFiles> {
  const files: KubeconfigFile[] = [];
  const hash = createHash("sha256");
  for (const path of paths) {
    try {
      const text = await readFile(path, "utf8");
      files.push({ path, text });
      hash.update(`${path}\0${text}\0`);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === "ENOENT") {
        hash.update(`${path}\0missing\0`);
        continue;
      }
      const error = unreadable(path, typeof code === "string" ? code : "read error");
      return { ok: false, error, fingerprint: `unreadable:${path}:${String(code)}` };
    }
  }
  const fingerprint = hash.digest("hex");
  if (files.length === 0) return { ok: false, error: missing(paths), fingerprint };
  return { ok: true, files, fingerprint };
}

function missing(paths: string[]): ConfigError {
  const where = paths.length === 1 ? `at ${paths[0]}` : `at any of ${paths.join(", ")}`;
  return { reason: "missing", paths, message: `No kubeconfig found ${where}.`, hint: HINT };
}

function unreadable(path: string, code: string): ConfigError {
  return { reason: "unreadable", paths: [path], message: `The kubeconfig ${path} cannot be read (${code}).`, hint: HINT };
}

export function invalidKubeconfig(path: string, detail: string): ConfigError {
  return {
    reason: "invalid",
    paths: [path],
    message: `The kubeconfig ${path} is not valid (${detail}).`,
    hint: `Fix or replace it. ${HINT}`,
  };
}
