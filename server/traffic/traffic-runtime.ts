// Never part of a browser bundle: it reads the server's configuration and holds process state.
import "server-only";
import { serverEnv } from "@/server/env";
import { createTrafficSource, type TrafficSource } from "./traffic-source";

const KEY = Symbol.for("eastwest-console.traffic-source");
type Holder = { [KEY]?: TrafficSource };

/**
 * The process's one traffic source, on EASTWEST_PROMETHEUS_URL. On globalThis, like the runtime (server/runtime.ts):
 * Next loads route handlers as separate module graphs, and every page's poll must share one cache.
 */
export function trafficSource(): TrafficSource {
  const holder = globalThis as Holder;
  holder[KEY] ??= createTrafficSource({ url: serverEnv().prometheusUrl });
  return holder[KEY];
}
