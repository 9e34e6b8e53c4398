// The one reading of what the API server said when it refused: the HTTP status of a failed call, and its
// `Status` body (kind: Status, reason: NotFound/Conflict/Expired/Invalid…, message, details.causes[]), which the
// API server sends with every error answer and as the object of an in-band watch ERROR event. Everything in
// server/kube that classifies a failure reads it through these two functions.

export type StatusCause = { reason?: string; field?: string; message?: string };

export type KubeStatus = {
  code?: number;
  reason?: string;
  message?: string;
  /** `name`/`kind` name the object for NotFound, AlreadyExists and Conflict; absent when the path itself is unknown. */
  details?: { name?: string; kind?: string; group?: string; causes?: StatusCause[] };
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

function causesOf(raw: unknown): StatusCause[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isRecord).map((c) => ({ reason: text(c.reason), field: text(c.field), message: text(c.message) }));
}

/** A Status from a response body (JSON text or already parsed); `{}` for anything that is not one. */
export function parseStatus(body: unknown): KubeStatus {
  let parsed = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      return {};
    }
  }
  if (!isRecord(parsed)) return {};
  const details = isRecord(parsed.details) ? parsed.details : undefined;
  return {
    ...(typeof parsed.code === "number" ? { code: parsed.code } : {}),
    ...(text(parsed.reason) ? { reason: text(parsed.reason) } : {}),
    ...(text(parsed.message) ? { message: text(parsed.message) } : {}),
    ...(details ? { details: { name: text(details.name), kind: text(details.kind), ...(text(details.group) ? { group: text(details.group) } : {}), causes: causesOf(details.causes) } } : {}),
  };
}

/**
 * The HTTP status of a failed call: a number in `code` (our KubeHttpError, and client-node's ApiException);
 * system errors carry a string code such as "ECONNREFUSED" instead, so they have none.
 */
export function httpStatusOf(err: unknown): number | undefined {
  const code = isRecord(err) || err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === "number" && code >= 100 && code < 600 ? code : undefined;
}

/** A system error's code ("ECONNREFUSED"): node-fetch puts it on the error, undici on its `cause`. */
export function systemCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
