// A unified diff split into lines a viewer can colour: file headers, hunk headers, added, removed, context.
export type DiffLineKind = "header" | "hunk" | "add" | "remove" | "context";
export type DiffLine = { kind: DiffLineKind; text: string };

function kindOf(line: string): DiffLineKind {
  if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("===") || line.startsWith("Index:")) return "header";
  if (line.startsWith("@@")) return "hunk";
  if (line.startsWith("+")) return "add";
  if (line.startsWith("-")) return "remove";
  return "context";
}

export function diffLines(unified: string): DiffLine[] {
  const lines = unified.replace(/\n$/, "").split("\n");
  return lines.filter((l) => l !== "\\ No newline at end of file").map((text) => ({ kind: kindOf(text), text }));
}

/** How many lines were added and removed (headers excluded). */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.kind === "add").length,
    removed: lines.filter((l) => l.kind === "remove").length,
  };
}
