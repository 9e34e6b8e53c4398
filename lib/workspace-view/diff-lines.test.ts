import { describe, expect, it } from "vitest";
import { diffLines, diffStats } from "./diff-lines";

describe("diffLines", () => {
  it("classifies headers, hunks, additions, removals and context", () => {
    const unified = "--- live/x\n+++ applied/x\n@@ -1,2 +1,2 @@\n spec:\n-  a: 1\n+  a: 2\n\\ No newline at end of file\n";
    const lines = diffLines(unified);
    expect(lines.map((l) => l.kind)).toEqual(["header", "header", "hunk", "context", "remove", "add"]);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
  });
});
