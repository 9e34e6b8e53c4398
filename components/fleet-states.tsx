import type { ConfigError } from "@/lib/fleet-schema";
import { ClustersIcon, WarningIcon } from "./icons";

const TITLE: Record<ConfigError["reason"], string> = {
  missing: "No kubeconfig found",
  unreadable: "The kubeconfig cannot be read",
  invalid: "The kubeconfig is not valid",
};

const FIX: Record<Exclude<ConfigError["reason"], "missing">, string> = {
  unreadable: "Check that the file exists as a regular file the console's user may read.",
  invalid: "Fix the file (it must be a kubeconfig in YAML) or replace it.",
};

/** The kubeconfig is missing, unreadable or broken: say which file and what to do. */
export function ConfigErrorState({ error }: { error: ConfigError }) {
  return (
    <section aria-labelledby="config-error-title" className="rounded-xl border border-amber-200 bg-white p-8 shadow-sm">
      <div className="flex gap-4">
        <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-amber-50 text-amber-600">
          <WarningIcon />
        </span>
        <div className="min-w-0 space-y-4">
          <div>
            <h2 id="config-error-title" className="text-lg font-semibold text-slate-900">
              {TITLE[error.reason]}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{error.message}</p>
          </div>
          {error.paths.length > 1 && (
            <div>
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Looked at</h3>
              <ul className="mt-1 space-y-1">
                {error.paths.map((p) => (
                  <li key={p} className="font-mono text-sm break-all text-slate-800">
                    {p}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div>
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">What to do</h3>
            <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm text-slate-700">
              {error.reason !== "missing" && <li>{FIX[error.reason]}</li>}
              <li>
                Start the local lab with <Code>npm run lab</Code> (it writes <Code>.lab/kubeconfig</Code> for three
                simulated clusters) and the console with <Code>KUBECONFIG=.lab/kubeconfig npm start</Code> — or run{" "}
                <Code>npm run demo</Code>, which does both.
              </li>
              <li>
                Or point the console at your clusters: <Code>KUBECONFIG=~/.kube/config:/path/other npm start</Code>
              </li>
            </ol>
            <p className="mt-3 text-xs text-slate-500">This page updates by itself once the kubeconfig it looks for appears.</p>
          </div>
        </div>
      </div>
    </section>
  );
}

/** The kubeconfig loaded but lists no contexts (or the allow-list filtered them all out). */
export function EmptyFleetState({ sources }: { sources: string[] }) {
  return (
    <section aria-labelledby="empty-title" className="rounded-xl border border-dashed border-slate-300 bg-white px-8 py-12 text-center">
      <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <ClustersIcon />
      </span>
      <h2 id="empty-title" className="mt-4 text-lg font-semibold text-slate-900">No clusters in the kubeconfig</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        {sources.join(", ") || "The kubeconfig"} defines no contexts to show. Add a context per cluster, check
        EASTWEST_CONTEXTS, or run <Code>npm run demo</Code> for a local fleet.
      </p>
    </section>
  );
}

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1.5 py-0.5 whitespace-nowrap font-mono text-[13px] text-slate-800">{children}</code>;
}
