import {
  createConfiguration,
  Observable,
  ServerConfiguration,
  type Configuration,
  type KubeConfig,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
} from "@kubernetes/client-node";

/**
 * A per-call client-node Configuration whose requests abort on `signal`. KubernetesObjectApi's per-call
 * `options` *replace* its configuration, so this one carries the server and credentials of `kc` again.
 */
export function abortableConfig(kc: KubeConfig, signal: AbortSignal): Configuration {
  const middleware: ObservableMiddleware = {
    pre: (ctx: RequestContext) => {
      ctx.setSignal(signal);
      return new Observable(Promise.resolve(ctx));
    },
    post: (ctx: ResponseContext) => new Observable(Promise.resolve(ctx)),
  };
  const server = kc.getCurrentCluster()?.server ?? "";
  return createConfiguration({ baseServer: new ServerConfiguration(server, {}), authMethods: { default: kc }, middleware: [middleware] });
}

/**
 * Runs one client-node call with a hard deadline (a hung API server must not stall a worker): the abort covers
 * the HTTP request, the race also covers what runs before it (credential plugins, resource discovery).
 */
export async function withDeadline<T>(kc: KubeConfig, timeoutMs: number, call: (config: Configuration) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error("request deadline"), { name: "AbortError" }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(abortableConfig(kc, controller.signal)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
