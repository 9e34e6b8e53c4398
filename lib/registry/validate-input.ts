// Validation of the adapter's output against the planner's zod schema, without copying it: parsing would hand
// back fresh objects and lose the identities the planner's memo relies on. The adapter builds exactly the
// schema's shape (no defaults, no transforms, no extra keys), so a valid input *is* its parsed form. A cluster
// is validated once per ClusterInput object; an unchanged cluster is not looked at again.
import { clusterSchema, planInputSchema, type ClusterInput, type PlanInput } from "@/lib/plan/input";

type Issue = { path: PropertyKey[]; message: string };

const checked = new WeakMap<ClusterInput, readonly Issue[]>();

const problemsOf = (issues: readonly Issue[], prefix: PropertyKey[]) => issues.map((i) => `${[...prefix, ...i.path].map(String).join(".") || "(input)"}: ${i.message}`);

function clusterProblems(c: ClusterInput, index: number): string[] {
  let issues = checked.get(c);
  if (!issues) {
    const parsed = clusterSchema.safeParse(c);
    checked.set(c, (issues = parsed.success ? [] : parsed.error.issues));
  }
  return problemsOf(issues, ["clusters", index]);
}

/** The same verdict and problem lines as parsePlanInput, for input that is otherwise used as is. */
export function validatePlanInput(input: PlanInput): { ok: true } | { ok: false; problems: string[] } {
  const rest = planInputSchema.omit({ clusters: true }).safeParse({ workspaces: input.workspaces, resolvedHostnames: input.resolvedHostnames });
  const problems = [...input.clusters.flatMap(clusterProblems), ...(rest.success ? [] : problemsOf(rest.error.issues, []))];
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
