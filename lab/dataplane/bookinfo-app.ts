// Istio's bookinfo, as each of its services behaves on the wire (samples/bookinfo/src): productpage calls details
// and reviews; reviews v2 and v3 call ratings (v1 does not); every call goes through the cluster's mesh client, as
// through a sidecar. A failed callee does not fail the caller: productpage still renders (with an error text where
// the details or reviews would be) and reviews still lists its reviews (with "ratings unavailable"), so both
// answer 200 and say in the body what their callees answered and who served them.
import type { MeshClient, MeshResponse, SourceWorkload } from "./types";
import type { ServedPod } from "./workload-identity";

export interface AppRequest {
  pod: ServedPod;
  cluster: string;
  method: string;
  path: string;
  mesh: () => MeshClient;
}

export interface AppResponse {
  status: number;
  body: Record<string, unknown>;
}

/** One callee's outcome as the caller's body reports it. */
export interface CalleeResult {
  url: string;
  status: number;
  servedByCluster: string | null;
  servedByPod: string | null;
  error: string | null;
  latencyMs: number;
  body?: unknown;
}

export const BOOKINFO_PORT = 9080;
// productpage.py gives details and reviews 3 s; reviews waits for ratings 10 s (black stars, v2) or 2.5 s (red, v3).
const PRODUCTPAGE_TIMEOUT_MS = 3000;
const RATINGS_TIMEOUT_MS: Record<string, number> = { v2: 10_000, v3: 2500 };
const STAR_COLOR: Record<string, string> = { v2: "black", v3: "red" };

const DETAILS = {
  id: 0, author: "William Shakespeare", year: 1595, type: "paperback", pages: 200, publisher: "PublisherA",
  language: "English", "ISBN-10": "1234567890", "ISBN-13": "123-1234567890",
};
const RATINGS: Record<string, number> = { Reviewer1: 5, Reviewer2: 4 };
const REVIEWS = [
  { reviewer: "Reviewer1", text: "An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!" },
  { reviewer: "Reviewer2", text: "Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare." },
];

export function isBookinfo(pod: ServedPod): boolean {
  return ["productpage", "details", "reviews", "ratings"].includes(pod.labels.app ?? "");
}

async function call(req: AppRequest, service: string, path: string, timeoutMs: number): Promise<CalleeResult> {
  const url = `http://${service}.${req.pod.namespace}.svc.cluster.local:${BOOKINFO_PORT}${path}`;
  const source: SourceWorkload = { namespace: req.pod.namespace, workload: req.pod.workload, pod: req.pod.name };
  const started = performance.now();
  let res: MeshResponse;
  try {
    res = await req.mesh().request({ url, source, timeoutMs });
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { url, status: 0, servedByCluster: null, servedByPod: null, error: error instanceof Error ? error.message : String(error), latencyMs };
  }
  const { status, servedByCluster, servedByPod, error, latencyMs } = res;
  return { url, status, servedByCluster, servedByPod, error, latencyMs, ...(res.body === undefined ? {} : { body: res.body }) };
}

const ok = (result: CalleeResult): boolean => result.status >= 200 && result.status < 300;

async function reviews(req: AppRequest): Promise<Record<string, unknown>> {
  const version = req.pod.labels.version ?? "v1";
  const color = STAR_COLOR[version];
  if (!color) return { reviews: REVIEWS };
  const ratings = await call(req, "ratings", "/ratings/0", RATINGS_TIMEOUT_MS[version] ?? PRODUCTPAGE_TIMEOUT_MS);
  const stars = ok(ratings) ? ((ratings.body as { ratings?: Record<string, number> } | undefined)?.ratings ?? {}) : undefined;
  const list = REVIEWS.map((r) => ({
    ...r,
    rating: stars ? { stars: stars[r.reviewer] ?? 0, color } : { error: "Ratings service is currently unavailable" },
  }));
  return { reviews: list, ratings };
}

async function productpage(req: AppRequest): Promise<Record<string, unknown>> {
  const [details, reviewsResult] = await Promise.all([
    call(req, "details", "/details/0", PRODUCTPAGE_TIMEOUT_MS),
    call(req, "reviews", "/reviews/0", PRODUCTPAGE_TIMEOUT_MS),
  ]);
  const errors = [
    ...(ok(details) ? [] : ["Sorry, product details are currently unavailable for this book."]),
    ...(ok(reviewsResult) ? [] : ["Sorry, product reviews are currently unavailable for this book."]),
  ];
  return { product: { id: 0, title: "The Comedy of Errors" }, details, reviews: reviewsResult, ...(errors.length > 0 ? { errors } : {}) };
}

/** bookinfo's answer for a pod labelled app=productpage|details|reviews|ratings. */
export async function bookinfoAnswer(req: AppRequest): Promise<AppResponse> {
  const app = req.pod.labels.app ?? "";
  const head = { service: app, version: req.pod.labels.version ?? null, cluster: req.cluster, namespace: req.pod.namespace, pod: req.pod.name };
  if (req.path === "/health") return { status: 200, body: { ...head, status: `${app} is healthy` } };
  if (app === "productpage") return { status: 200, body: { ...head, ...(await productpage(req)) } };
  if (app === "reviews") return { status: 200, body: { ...head, ...(await reviews(req)) } };
  if (app === "ratings") return { status: 200, body: { ...head, id: 0, ratings: RATINGS } };
  return { status: 200, body: { ...head, ...DETAILS } };
}
