// What the kubelet's probes are told (GET /healthz, GET /readyz). Liveness: the process answers at all (a wedged
// event loop answers nothing and the probe times out). Readiness: the fleet has made its first attempt at every
// cluster of the kubeconfig, so a new replica does not take traffic with an empty page. A cluster that cannot be
// reached does NOT make the console unready: it is shown as stale, which is the console doing its job; and a
// missing kubeconfig is a page that says so. Neither answer names a cluster, a path or a credential: the probes
// pass proxy.ts without the Host check or sign-in, so anyone who reaches the port may read them.

export type ProbeAnswer = { status: 200 | 503; body: string };

export function livenessAnswer(): ProbeAnswer {
  return { status: 200, body: "ok\n" };
}

/** `settled`: the fleet's first sync round has finished (every cluster synced or failed). */
export function readinessAnswer(settled: boolean): ProbeAnswer {
  return settled ? { status: 200, body: "ok\n" } : { status: 503, body: "starting: the first look at the clusters has not finished\n" };
}

/** Whether `promise` has already settled, without waiting for it (a resolved promise's callbacks run before setImmediate). */
export async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  const settled = promise.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);
}

export function probeResponse(answer: ProbeAnswer): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
