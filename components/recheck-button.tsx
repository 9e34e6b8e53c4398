"use client";

import { useMutation } from "@tanstack/react-query";
import { RefreshIcon } from "./icons";
import { useTRPC } from "./trpc";
import { useFoldFleetEvent } from "./use-fleet-live";
import { useHydrated } from "./use-hydrated";

/** Re-probes one cluster now; the result lands in the list even if the live stream is down. */
export function RecheckButton({ cluster }: { cluster: string }) {
  const trpc = useTRPC();
  const fold = useFoldFleetEvent();
  const hydrated = useHydrated();
  const recheck = useMutation(
    trpc.fleet.recheck.mutationOptions({ onSuccess: (status) => fold({ type: "cluster-updated", status }) }),
  );
  return (
    <span className="inline-flex items-center gap-2">
      {recheck.error && (
        <span role="alert" className="text-xs text-rose-700">
          {recheck.error.message}
        </span>
      )}
      <button
        type="button"
        onClick={() => recheck.mutate({ cluster })}
        disabled={!hydrated || recheck.isPending}
        aria-label={`Recheck ${cluster}`}
        className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60"
      >
        <RefreshIcon className={`size-3.5 ${recheck.isPending ? "animate-spin" : ""}`} />
        {recheck.isPending ? "Checking…" : "Recheck"}
      </button>
    </span>
  );
}
