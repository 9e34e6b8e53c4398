// The one start-up line that says whether the console will write to clusters, and to which. Pure.

export type RegistryLineInput = {
  mode: "standalone" | "observe";
  /** The clusters of the kubeconfig the registry plans for (it follows the kubeconfig as it changes). */
  clusters: readonly string[];
  fieldManager: string;
  /** Where the leader Lease lives (standalone only); null until a management cluster is known. */
  managementCluster: string | null;
};

export function registryLine({ mode, clusters, fieldManager, managementCluster }: RegistryLineInput): string {
  if (mode === "observe") {
    return "registry: observe — writes nothing (it compares the clusters with the plan; EASTWEST_REGISTRY_MODE=standalone lets it write)";
  }
  const targets = clusters.length > 0 ? clusters.join(", ") : "no cluster yet (the kubeconfig lists none)";
  const lease = managementCluster ? `, leader Lease in ${managementCluster}` : "";
  return `registry: standalone — writes to ${targets} (field manager ${fieldManager}${lease})`;
}
