import { ClustersIcon } from "./icons";
import { LiveIndicator } from "./live-indicator";
import type { LiveState } from "./use-fleet-live";

export function AppHeader({ live }: { live?: LiveState }) {
  return (
    <header className="border-b border-slate-800 bg-slate-900 text-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-6">
        <div className="flex items-center gap-3">
          <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-500/20 text-indigo-300">
            <ClustersIcon className="size-5" />
          </span>
          <p className="text-[15px] font-semibold tracking-tight">
            Eastwest Console
            <span className="ml-2 hidden font-normal text-slate-400 sm:inline">multi-cluster east-west gateways</span>
          </p>
        </div>
        {live && <LiveIndicator state={live} />}
      </div>
    </header>
  );
}
