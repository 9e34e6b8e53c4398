import type { DryRun } from "@/lib/workspace-view/types";
import { CheckIcon, CrossIcon } from "../icons";
import { ConflictList } from "./conflict-list";

/** The API server's verdict on a dry-run apply, in words; a conflict names each field and its owner. */
export function DryRunResult({ dryRun, cluster }: { dryRun: DryRun; cluster: string }) {
  if (dryRun.ok) {
    return (
      <p className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-700">
        <CheckIcon className="size-4" />
        Dry run OK: {cluster} accepts the change
      </p>
    );
  }
  const title =
    dryRun.kind === "conflict" ? `Dry run found a field ownership conflict in ${cluster}` : dryRun.kind === "unreachable" ? `${cluster} did not answer the dry run` : `${cluster} rejected the dry run`;
  return (
    <div className="space-y-1.5">
      <p className="inline-flex items-center gap-1.5 text-sm font-semibold text-rose-700">
        <CrossIcon className="size-4" />
        {title}
      </p>
      <p className="font-mono text-xs break-words text-rose-900">{dryRun.message}</p>
      {dryRun.kind === "conflict" && <ConflictList conflicts={dryRun.conflicts} />}
    </div>
  );
}
