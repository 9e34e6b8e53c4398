// Fields the API server fills in, which an apply configuration never has: comparing them would make every live
// object look changed. Stripped from both sides before a diff. `status` belongs to controllers, not to the
// user's intent; last-applied-configuration is kubectl client-side apply bookkeeping.
const SERVER_METADATA = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

type Plain = { [key: string]: unknown };

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

function withoutKeys(obj: Plain, keys: readonly string[]): Plain {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));
}

/** A copy without server-populated fields (the input is never modified). */
export function stripServerFields(object: object): Plain {
  const top = withoutKeys({ ...object }, ["status"]);
  if (!isPlain(top.metadata)) return top;
  const metadata = withoutKeys(top.metadata, SERVER_METADATA);
  if (isPlain(metadata.annotations)) {
    const annotations = withoutKeys(metadata.annotations, [LAST_APPLIED]);
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  return { ...top, metadata };
}
