// Why "expose all" may not take effect. The seed form's "expose all" drops `exposedServices` from the apply
// configuration; server-side apply removes a dropped field only when no other manager owns it (kubectl, a GitOps
// controller, the lab's seed). Read from the live object's managedFields before applying, so the UI can say so
// instead of reporting a success that changes nothing. (TSB's form is unaffected: its settings list is atomic,
// so the console's apply replaces it whole, or answers 409 naming the other owner — see conflicts.ts.)
import { ownersOf } from "./field-owners";
import { shellQuote } from "./kubectl-command";
import { FIELD_MANAGER } from "./manifest";

export const SEED_EXPOSED_SERVICES_PATH = ["spec", "defaultEastWestGatewaySettings", "exposedServices"] as const;

export type ExposeAllBlock = { managers: string[]; message: string; command: string };

type Live = { metadata?: { name?: string; namespace?: string } & Record<string, unknown> };

export function exposeAllBlockedBy(live: Live | undefined, context: string): ExposeAllBlock | undefined {
  const managers = ownersOf(live, SEED_EXPOSED_SERVICES_PATH).filter((m) => m !== FIELD_MANAGER);
  if (managers.length === 0) return undefined;
  const who = managers.join(", ");
  const s = managers.length === 1 ? "s" : "";
  // A JSON-patch removal is an update: the field disappears from every manager's set, so it stays gone.
  const command = `kubectl --context ${shellQuote(context)} -n ${shellQuote(live?.metadata?.namespace ?? "")} patch workspacesettings.settings.tetrate.io ${shellQuote(live?.metadata?.name ?? "")} --type json -p '[{"op":"remove","path":"/spec/defaultEastWestGatewaySettings/exposedServices"}]'`;
  return {
    managers,
    command,
    message: `exposedServices was set by ${who}; leaving it out does not remove it while ${who} own${s} it. Remove it where ${who} manage${s} it (e.g. your GitOps repository), or remove it once with the command shown.`,
  };
}
