// The audit sink the console runs with (server/runtime.ts): each entry becomes one JSON log line at once and one
// Kubernetes Event on the object, written in the background with the console's own credentials and a deadline.
// `record` returns before anything is sent and never throws: the person's write already happened (or was refused)
// and its answer must not wait for, or fail with, its record. A failure to record is itself logged. Writes in
// flight are bounded: beyond the bound, an entry keeps its log line and loses its Event (said in the log), so a
// cluster that hangs cannot pile up requests.
import { writeAuditEvent, type AuditWriteResult } from "@/server/kube/audit-events";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { auditEventBody } from "./event-body";
import { auditLogLine } from "./log-line";
import type { AuditEntry, AuditSink } from "./types";
import { objectWords } from "./words";

export type AuditEventWriter = (cluster: string, event: ReturnType<typeof auditEventBody>) => Promise<AuditWriteResult>;

export type AuditSinkOptions = {
  log: (line: string) => void;
  /** This replica, for the Event's reportingInstance. */
  instance: string;
  /** The cluster's handle (the fleet's): the console's own credentials. */
  handle: (cluster: string) => ClusterHandle | undefined;
  timeoutMs?: number;
  /** Events in flight at most; more are logged only. */
  maxPending?: number;
  now?: () => Date;
  /** Tests: in place of the POST to the cluster. */
  write?: AuditEventWriter;
};

export type RunningAuditSink = AuditSink & {
  /** Resolves when every Event in flight has been written or given up (shutdown; tests). */
  drain(): Promise<void>;
};

export const AUDIT_WRITE_TIMEOUT_MS = 5_000;
export const AUDIT_MAX_PENDING = 64;

/** A log that throws (a closed stream) must not make `record` throw either. */
function quietLog(log: (line: string) => void): (line: string) => void {
  return (line) => {
    try {
      log(line);
    } catch {
      // Nothing else to tell it to.
    }
  };
}

const said = (entry: AuditEntry, why: string) => `audit: no Event for ${objectWords(entry.object)} in ${entry.cluster}: ${why}`;
const nameOf = (err: unknown) => (err instanceof Error ? err.name : "unexpected error");

/** The Events in flight: at most `maxPending`; each failure one log line. */
function eventQueue(write: AuditEventWriter, instance: string, maxPending: number, log: (line: string) => void) {
  const pending = new Set<Promise<void>>();
  return {
    send(entry: AuditEntry, at: Date) {
      if (pending.size >= maxPending) {
        log(said(entry, `${maxPending} audit Events are still being written; this one is in the log line only.`));
        return;
      }
      const run = (async () => {
        try {
          const result = await write(entry.cluster, auditEventBody(entry, { now: at, instance }));
          if (!result.ok) log(said(entry, `${result.error.reason}: ${result.error.message}`));
        } catch (err) {
          // An injected or future writer that throws: still only a log line, never the caller's failure.
          log(said(entry, nameOf(err)));
        }
      })();
      pending.add(run);
      void run.finally(() => pending.delete(run));
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export function createAuditSink(options: AuditSinkOptions): RunningAuditSink {
  const log = quietLog(options.log);
  const timeoutMs = options.timeoutMs ?? AUDIT_WRITE_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const write: AuditEventWriter = options.write ?? ((cluster, event) => writeAuditEvent(cluster, options.handle(cluster), event, timeoutMs));
  const queue = eventQueue(write, options.instance, options.maxPending ?? AUDIT_MAX_PENDING, log);
  return {
    record(entry) {
      try {
        const at = now();
        log(auditLogLine(entry, at));
        queue.send(entry, at);
      } catch (err) {
        // Building the line or the body from a malformed entry: the write's answer is not ours to fail.
        log(`audit: an entry could not be recorded (${nameOf(err)})`);
      }
    },
    drain: () => queue.drain(),
  };
}
