// What the live exposure amounts to, counted against the workspace's services: the planner's own verdict of
// which services are exposed (`WorkspaceService.exposed`), and how many entries of the exposedServices list
// name no service of the workspace (typos, deleted services, or a list padded with junk). A raw list length is
// never shown as a count of exposed services ("10000 of 4").
import type { Exposure, WorkspaceService } from "./types";

export type ExposureCount = {
  /** Services the planner exposes. */
  exposed: number;
  /** Services of the workspace. */
  services: number;
  /** Entries of exposedServices that name no service of the workspace (each entry counted, repeats too). */
  unnamed: number;
};

export function exposureCount(exposure: Exposure, services: readonly Pick<WorkspaceService, "fqdn" | "exposed">[]): ExposureCount {
  const fqdns = new Set(services.map((s) => s.fqdn));
  const unnamed = exposure.mode === "selected" ? exposure.services.filter((f) => !fqdns.has(f)).length : 0;
  return { exposed: services.filter((s) => s.exposed).length, services: services.length, unnamed };
}

/** "2 of 4" (chosen) or "All 4". */
export function exposedLabel(mode: Exposure["mode"], count: ExposureCount): string {
  return mode === "all" ? `All ${count.services}` : `${count.exposed} of ${count.services}`;
}

/** "9,998 entries name no service" (or "" when every entry names one). */
export function unnamedLabel(count: Pick<ExposureCount, "unnamed">): string {
  if (count.unnamed === 0) return "";
  return `${count.unnamed.toLocaleString("en-US")} ${count.unnamed === 1 ? "entry names" : "entries name"} no service`;
}

/** The listed entries that name a service of the workspace, once each: what a new choice starts from. */
export function namedEntries(exposure: Exposure, services: readonly Pick<WorkspaceService, "fqdn">[]): string[] {
  if (exposure.mode === "all") return [];
  const fqdns = new Set(services.map((s) => s.fqdn));
  return [...new Set(exposure.services.filter((f) => fqdns.has(f)))];
}
