import { KUBECTL } from "../../server/testing/kubectl-path";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { LAB_KUBECONFIG } from "./lab";

const home = mkdtempSync(join(tmpdir(), "e2e-kubectl-"));

/** Runs the real kubectl against one lab context; rejects with its stderr on failure. */
export function kubectl(context: string, args: string[], input?: string): Promise<string> {
  return kubectlAt(LAB_KUBECONFIG, context, args, input);
}

/** The same against another lab's kubeconfig (each Playwright project runs its own lab). */
export function kubectlAt(kubeconfig: string, context: string, args: string[], input?: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, KUBECACHEDIR: join(home, "cache") };
  delete env.KUBECONFIG;
  const full = ["--kubeconfig", resolve(kubeconfig), "--context", context, ...args];
  return new Promise((done, fail) => {
    const child = execFile(KUBECTL, full, { env, timeout: 30_000, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) fail(new Error(`kubectl ${args.join(" ")} failed: ${stderr || error.message}`));
      else done(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** How many objects of a resource the cluster holds, across namespaces. */
export async function countOf(context: string, resource: string): Promise<number> {
  const out = await kubectl(context, ["get", resource, "-A", "-o", "json"]);
  return (JSON.parse(out) as { items: unknown[] }).items.length;
}
