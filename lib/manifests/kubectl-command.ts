// The kubectl command equivalent to a console action, for teams that write through GitOps or want to review
// what the console would do. Applies use server-side apply under the console's field manager, so a later
// console write and the user's kubectl write are the same owner and never conflict with each other.
import { FIELD_MANAGER, type Manifest } from "./manifest";
import { renderYaml } from "./render";

export type KubectlAction =
  | { type: "apply"; context: string; manifest: Manifest; dryRun?: boolean; forceConflicts?: boolean }
  | { type: "delete"; context: string; apiVersion: string; kind: string; name: string; namespace?: string };

/** Quotes a shell word when it needs it (context names such as EKS ARNs contain ':' and '/'). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Lower-case plural, as CRDs and core kinds spell their resources (ServiceEntry → serviceentries). */
export function resourcePlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

/** `resource.group` (`ingressgateways.install.tetrate.io`), or just the resource for the core group. */
export function resourceName(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? resourcePlural(kind) : `${resourcePlural(kind)}.${apiVersion.slice(0, slash)}`;
}

/** A here-doc delimiter that does not occur as a line of the body. */
export function heredocDelimiter(body: string): string {
  const lines = new Set(body.split("\n"));
  let candidate = "EOF";
  for (let i = 1; lines.has(candidate); i++) candidate = `EOF_${i}`;
  return candidate;
}

export function kubectlCommand(action: KubectlAction): string {
  const context = `kubectl --context ${shellQuote(action.context)}`;
  if (action.type === "delete") {
    const ns = action.namespace ? ` -n ${shellQuote(action.namespace)}` : "";
    return `${context} delete ${resourceName(action.apiVersion, action.kind)} ${shellQuote(action.name)}${ns}`;
  }
  const flags = [
    "apply",
    "--server-side",
    `--field-manager=${FIELD_MANAGER}`,
    ...(action.forceConflicts ? ["--force-conflicts"] : []),
    ...(action.dryRun ? ["--dry-run=server"] : []),
  ];
  const body = renderYaml(action.manifest);
  const end = heredocDelimiter(body);
  // A quoted delimiter ('EOF') stops the shell from expanding $ and backticks inside the YAML.
  return `${context} ${flags.join(" ")} -f - <<'${end}'\n${body}${end}`;
}

/** One command per action, separated by blank lines (e.g. the same gateway in every chosen cluster). */
export function kubectlScript(actions: readonly KubectlAction[]): string {
  return actions.map(kubectlCommand).join("\n\n");
}

/** The same manifest applied in each cluster (a gateway deployed to several clusters). */
export function applyActions(manifest: Manifest, contexts: readonly string[]): KubectlAction[] {
  return contexts.map((context) => ({ type: "apply", context, manifest }));
}

/** Deleting a manifest's object from each cluster (callers check first that the console created it). */
export function deleteActions(manifest: Manifest, contexts: readonly string[]): KubectlAction[] {
  const { apiVersion, kind, metadata } = manifest;
  return contexts.map((context) => ({ type: "delete", context, apiVersion, kind, name: metadata.name, ...(metadata.namespace ? { namespace: metadata.namespace } : {}) }));
}
