// The lab CLI's commands against a RUNNING lab, through its admin endpoint (the same routes a script uses):
//   request --cluster C [--namespace sleep] [--count N] [--workload W] <url>   one JSON line per result
//   fault pod --cluster C --namespace NS <pod> --mode none|error|refuse|latency [--status 5xx] [--latency-ms N]
//   fault gateway --cluster C --namespace NS <gateway> --mode none|stop|latency [--latency-ms N]
// Each takes --admin-url (default http://127.0.0.1:17400, the lab's default admin port) and --kubeconfig (default
// .lab/kubeconfig; the admin token is read from `admin-token` beside it, as the lab wrote it at start-up).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { adminTokenPath } from "./token";

export const DEFAULT_ADMIN_URL = "http://127.0.0.1:17400";

const COMMON = {
  "admin-url": { type: "string", default: DEFAULT_ADMIN_URL },
  kubeconfig: { type: "string", default: ".lab/kubeconfig" },
  cluster: { type: "string" },
  namespace: { type: "string" },
} as const;

type Out = (line: string) => void;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer (got "${value}")`);
  return n;
}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === "") throw new Error(`--${name} is required`);
  return value;
}

async function post(adminUrl: string, kubeconfig: string, path: string, body: unknown): Promise<unknown> {
  const tokenFile = adminTokenPath(resolve(kubeconfig));
  const token = (await readFile(tokenFile, "utf8").catch(() => {
    throw new Error(`cannot read the admin token at ${tokenFile}: is a lab running with --kubeconfig ${kubeconfig}?`);
  })).trim();
  const res = await fetch(`${adminUrl.replace(/\/$/, "")}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).catch((error: unknown) => {
    throw new Error(`no lab admin endpoint at ${adminUrl} (${(error as Error).message}); pass --admin-url as the lab printed it`);
  });
  const answer = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(`${res.status}: ${answer.error ?? res.statusText}`);
  return answer;
}

const segment = encodeURIComponent;

async function requestCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { ...COMMON, count: { type: "string" }, workload: { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error("request takes one URL, e.g. http://details.bookinfo.svc.cluster.local:9080/");
  const cluster = required("cluster", values.cluster);
  const body = { url: positionals[0], namespace: values.namespace ?? "sleep", count: integer("count", values.count) ?? 1, ...(values.workload ? { workload: values.workload } : {}) };
  const { results } = (await post(values["admin-url"], values.kubeconfig, `/clusters/${segment(cluster)}/request`, body)) as { results: unknown[] };
  for (const r of results) out(JSON.stringify(r));
}

async function faultCommand(args: string[], out: Out): Promise<void> {
  const [what, ...rest] = args;
  if (what !== "pod" && what !== "gateway") throw new Error('fault takes "pod" or "gateway", e.g. fault pod --cluster west --namespace bookinfo details-v1-… --mode error');
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...COMMON, mode: { type: "string" }, status: { type: "string" }, "latency-ms": { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error(`fault ${what} takes one ${what} name`);
  const [cluster, namespace, name] = [required("cluster", values.cluster), required("namespace", values.namespace), positionals[0] ?? ""];
  const status = integer("status", values.status);
  const latencyMs = integer("latency-ms", values["latency-ms"]);
  const body = { mode: required("mode", values.mode), ...(status !== undefined ? { status } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}) };
  const path = what === "pod" ? `/clusters/${segment(cluster)}/pods/${segment(namespace)}/${segment(name)}/traffic-fault` : `/clusters/${segment(cluster)}/gateways/${segment(namespace)}/${segment(name)}/fault`;
  out(JSON.stringify(await post(values["admin-url"], values.kubeconfig, path, body)));
}

/** The command's name when `args` start with one of these commands (else the lab itself is to be started). */
export function adminCommand(args: string[]): ((out: Out) => Promise<void>) | undefined {
  const [name, ...rest] = args;
  if (name === "request") return (out) => requestCommand(rest, out);
  if (name === "fault") return (out) => faultCommand(rest, out);
  return undefined;
}
