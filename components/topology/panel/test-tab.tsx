import { CodeBlock } from "../../workspace/code-block";
import type { NodeDetails } from "./inspect-types";

/** "Test from another cluster": per cluster, what the request shows and the kubectl command to copy. */
export function TestTab({ details }: { details: NodeDetails }) {
  return (
    <div className="space-y-4">
      {details.testsNote && <p className="text-sm text-slate-600">{details.testsNote}</p>}
      {details.tests.map((t) => (
        <section key={t.cluster} aria-label={`Test from ${t.cluster}`}>
          <h3 className="text-sm font-semibold text-slate-900">From {t.cluster}</h3>
          <p className="mb-2 text-sm text-slate-600">{t.explains}</p>
          <CodeBlock label={`kubectl command to test from ${t.cluster}`} caption="kubectl" text={t.command} wrap maxHeight="max-h-40" />
        </section>
      ))}
      {details.tests.length > 0 && <p className="text-xs text-slate-500">Runs a short-lived pod with an Istio sidecar in that cluster (your kubeconfig&apos;s context of the same name); nothing is changed in the console.</p>}
    </div>
  );
}
