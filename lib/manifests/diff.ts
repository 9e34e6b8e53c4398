// What an apply would change: the live object against the object after the change, both stripped of
// server-populated fields, as a unified YAML diff (jsdiff) plus the changed field paths.
//
// Pass as `proposed` the server's dry-run result (server-side apply with dryRun=All) whenever the object
// exists: it is the object as it would be stored, including fields other managers own. Passing the bare apply
// configuration instead shows every field it does not mention as removed — right only when there is no live
// object (a create), where the apply configuration is exactly what gets stored.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { fieldChanges, type FieldChange } from "./field-changes";
import { renderYaml } from "./render";
import { stripServerFields } from "./strip-server-fields";

export type ManifestDiff =
  | { kind: "no-changes" }
  | { kind: "create"; unified: string; changes: FieldChange[] }
  | { kind: "update"; unified: string; changes: FieldChange[] };

type Named = { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };

function label(object: object): string {
  const o: Named = object;
  const ns = typeof o.metadata?.namespace === "string" ? `${o.metadata.namespace}/` : "";
  return `${String(o.kind ?? "object")}/${ns}${String(o.metadata?.name ?? "")}`;
}

export function diffManifest(live: object | undefined, proposed: object): ManifestDiff {
  const after = stripServerFields(proposed);
  const before = live === undefined ? undefined : stripServerFields(live);
  const changes = fieldChanges(before ?? {}, after);
  if (before !== undefined && changes.length === 0) return { kind: "no-changes" };
  const name = label(proposed);
  const unified = createTwoFilesPatch(`live/${name}`, `applied/${name}`, before ? renderYaml(before) : "", renderYaml(after), undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return { kind: before === undefined ? "create" : "update", unified, changes };
}
