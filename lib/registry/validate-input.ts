// Validation of the adapter's output against the planner's zod schema, without copying it: parsing would hand
// back fresh objects and lose the identities the planner's memo relies on. The adapter builds exactly the
// schema's shape (no defaults, no transforms, no extra keys), so a valid input *is* its parsed form. With memos,
// a cluster is validated once per ClusterInput object; an unchanged cluster is not looked at again.
import { clusterSchema, planInputSchema, type ClusterInput, type PlanInput } from "@/lib/plan/input";
import { remembered, type RegistryMemos } from "./registry-memos";

type Issue = { path: PropertyKey[]; message: string };

const problemsOf = (issues: readonly Issue[], prefix: PropertyKey[]) => issues.map((i) => `${[...prefix, ...i.path].map(String).join(".") || "(input)"}: ${i.message}`);

function clusterProblems(c: ClusterInput, index: number, memos: RegistryMemos | undefined): string[] {
  const issues = remembered(memos?.validated, c, (): readonly Issue[] => {
    const parsed = clusterSchema.safeParse(c);
    return parsed.success ? [] : parsed.error.issues;
  });
  return problemsOf(issues, ["clusters", index]);
}

/** The same verdict and problem lines as parsePlanInput, for input that is otherwise used as is. */
/** `memos`: a cluster input is then validated once per object (registry-memos.ts). */
export function validatePlanInput(input: PlanInput, memos?: RegistryMemos): { ok: true } | { ok: false; problems: string[] } {
  const rest = planInputSchema.omit({ clusters: true }).safeParse({ workspaces: input.workspaces, resolvedHostnames: input.resolvedHostnames });
  const problems = [...input.clusters.flatMap((c, i) => clusterProblems(c, i, memos)), ...(rest.success ? [] : problemsOf(rest.error.issues, []))];
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
