// The drill runner's requests that the one writer (object-writer.ts) has no verb for: a subresource (`/status`,
// `/scale`, `/log`), a delete guarded by the uid alone, and a text answer (a container log is text/plain, one
// line per request the probe sent). Same transport (client-node's request context, authentication and fetch),
// same deadline, same classification of failures (console-outcome.ts) as every other call to a cluster. Made for
// a person (`who`), its writes act as them (impersonation.ts); its reads (GET) stay the console's own unless
// `impersonateReads`.
import type { KubeConfig } from "@kubernetes/client-node";
import { classifyKubeError, isObjectNotFound, type ConsoleFailure, type LiveObject } from "./console-outcome";
import { withDeadline } from "./deadline";
import type { Impersonation } from "./impersonation";
import { kubeRequest, kubeRequestText, type KubeRequest } from "./kube-http";

export type DrillCallOutcome<T> = { ok: true; value: T } | ({ ok: false } & ConsoleFailure);

/** GET a text document (a container's log); error answers throw KubeHttpError like kubeRequest. */
function kubeText(kc: KubeConfig, path: string, query: Record<string, string>, signal: AbortSignal): Promise<string> {
  return kubeRequestText(kc, { method: "GET", path, query, headers: { Accept: "text/plain, application/json" } }, signal);
}

export type DrillHttp = {
  cluster: string;
  /** A JSON request; `notFoundIsOk`: a 404 for the object itself answers `undefined` (already gone). */
  json(what: string, request: KubeRequest, options?: { notFoundIsOk?: boolean }): Promise<DrillCallOutcome<LiveObject | undefined>>;
  text(what: string, path: string, query: Record<string, string>): Promise<DrillCallOutcome<string>>;
};

export type DrillHttpPerson = { who: Impersonation; impersonateReads: boolean };

export function drillHttp(cluster: string, kc: KubeConfig, timeoutMs: number, person?: DrillHttpPerson): DrillHttp {
  const actingAs = (method: string) => (person && (method !== "GET" || person.impersonateReads) ? person.who : undefined);
  return {
    cluster,
    async json(what, request, options) {
      const as = actingAs(request.method);
      try {
        const value = (await withDeadline(timeoutMs, (signal) => kubeRequest(kc, as ? { ...request, impersonate: as } : request, signal))) as LiveObject | undefined;
        return { ok: true, value };
      } catch (err) {
        if (options?.notFoundIsOk && isObjectNotFound(err)) return { ok: true, value: undefined };
        return { ok: false, ...classifyKubeError(cluster, what, err, { who: as, method: request.method }) };
      }
    },
    async text(what, path, query) {
      try {
        return { ok: true, value: await withDeadline(timeoutMs, (signal) => kubeText(kc, path, query, signal)) };
      } catch (err) {
        return { ok: false, ...classifyKubeError(cluster, what, err) };
      }
    },
  };
}
