// The commit a benchmark measured, as its figures say it: the short sha, marked when the tree had uncommitted
// changes (those figures are not the commit's).
import { execFileSync } from "node:child_process";

export function benchCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "";
    return `${sha}${dirty ? " (with uncommitted changes)" : ""}`;
  } catch {
    return "unknown";
  }
}
