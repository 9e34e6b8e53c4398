// Every bound the console puts on what a browser may send, in one place, so the route handler, the zod input
// schemas, the error formatter and the browser's tRPC link agree. Each is sized for a real fleet with room to
// spare; a request above one is refused whole (413/400), before any work that grows with its size.

/** Request body: a 10,000-service exposure list of long FQDNs is ~0.7 MB of JSON. Above this: 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Calls in one `?batch=1` request; the browser's batch link is capped at the same number. */
export const MAX_BATCH_CALLS = 16;

/** Open server-sent-event streams per client address (each page opens one: eight tabs fit). The next gets 429. */
export const MAX_STREAMS_PER_CLIENT = 8;

/** Open streams in the whole process: the per-client key comes from a header a client can vary. */
export const MAX_STREAMS_TOTAL = 256;

/** Services in one exposure request: more than any workspace we have seen, by an order of magnitude. */
export const MAX_SERVICES = 10_000;

/** Clusters in one gateway deploy request (kubeconfig contexts the console watches). */
export const MAX_CLUSTERS = 256;

/** A Kubernetes object name, namespace, context name or FQDN (DNS-1123 subdomain length). */
export const MAX_NAME_LENGTH = 253;

/** An SSE resume id (`<epoch>.<sequence>`). */
export const MAX_EVENT_ID_LENGTH = 128;

/** Field errors returned per request; the rest are counted in one last entry. */
export const MAX_FIELD_ERRORS = 20;

/** Characters of a user-supplied value quoted back in a message. */
export const MAX_QUOTED_CHARS = 80;

/** Characters of one error message in a response (messages quote bounded values, so this is a backstop). */
export const MAX_MESSAGE_CHARS = 600;

/**
 * Nesting depth of any JSON the console walks recursively (live objects from a cluster fed to diff, YAML and
 * merge). Real Kubernetes objects nest about 15 levels deep (managedFields' fieldsV1 the most).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Annotations in a request's superjson `meta` (nodes, and characters of its paths). The browser's inputs are
 * plain JSON and need at most a few (an `undefined` field); superjson applies each one with a walk of its own.
 */
export const MAX_META_NODES = 256;
export const MAX_META_CHARS = 16_384;
