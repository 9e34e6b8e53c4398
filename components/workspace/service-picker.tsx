"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState } from "react";
import type { FieldError } from "@/lib/validation/field-error";
import { matching } from "@/lib/workspace-view/service-selection";
import type { WorkspaceService } from "@/lib/workspace-view/types";
import { FieldMessage } from "./field-message";
import { ServiceBulkSelect } from "./service-bulk-select";

type Props = {
  services: readonly WorkspaceService[];
  selected: ReadonlySet<string>;
  onToggle: (fqdn: string, on: boolean) => void;
  onMany: (fqdns: readonly string[], on: boolean) => void;
  errorsOf: (fqdn: string) => FieldError[];
};

const ROW_PX = 58;

const ports = (s: WorkspaceService) => s.ports.map((p) => `${p.name ? `${p.name} ` : ""}${p.port}/${p.protocol}`).join(", ") || "no ports";

/** The workspace's services, searchable and selectable in bulk; only the rows in view are rendered, so 500+ services stay fast. */
export function ServicePicker({ services, selected, onToggle, onMany, errorsOf }: Props) {
  const [query, setQuery] = useState("");
  const shown = matching(services, query);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoised; nothing here memoises them either
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 8 });
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <label htmlFor="service-search" className="sr-only">
          Search services
        </label>
        <input
          id="service-search"
          type="search"
          placeholder="Search services by name or FQDN"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="block w-full rounded-md border-0 px-3 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500"
        />
        <span className="shrink-0 text-xs text-slate-500" aria-live="polite">
          {selected.size} selected · {shown.length} of {services.length} shown
        </span>
      </div>
      <ServiceBulkSelect services={services} shown={shown} searching={query.trim() !== ""} onMany={onMany} />
      <div ref={scroller} role="group" aria-label="Services" className="max-h-80 overflow-auto rounded-lg ring-1 ring-slate-200">
        {shown.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-slate-500">No service matches “{query}”.</p>
        ) : (
          <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
            {virtual.getVirtualItems().map((row) => {
              const s = shown[row.index];
              if (!s) return null;
              const id = `svc-${row.index}`;
              return (
                <div
                  key={s.fqdn}
                  data-index={row.index}
                  ref={virtual.measureElement}
                  className="absolute inset-x-0 border-b border-slate-100 px-3 py-2"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <div className="flex items-start gap-2.5">
                    <input
                      id={id}
                      type="checkbox"
                      className="mt-0.5 size-4 accent-indigo-600"
                      checked={selected.has(s.fqdn)}
                      aria-describedby={`${id}-meta`}
                      onChange={(e) => onToggle(s.fqdn, e.target.checked)}
                    />
                    <div className="min-w-0">
                      <label htmlFor={id} className="font-mono text-[13px] break-all text-slate-900">
                        {s.fqdn}
                      </label>
                      <p id={`${id}-meta`} className="text-xs text-slate-500">
                        runs in {s.clusters.join(", ") || "no cluster"} · {ports(s)}
                        {s.exposed ? " · exposed now" : ""}
                      </p>
                      <FieldMessage id={`${id}-error`} errors={errorsOf(s.fqdn)} />
                    </div>
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
