// The inspect router's answers as the browser receives them (inferred from the router, so they never drift).
import type { inferRouterOutputs } from "@trpc/server";
import type { z } from "zod";
import type { whatIfRemovalSchema } from "@/lib/topology/types";
import type { AppRouter } from "@/server/routers/app-router";

type Outputs = inferRouterOutputs<AppRouter>;

export type NodeDetails = Outputs["inspect"]["node"];
export type WhatIfResult = Outputs["inspect"]["whatIf"];
export type ShownObject = NodeDetails["objects"][number];
export type WhatIfRemoval = z.infer<typeof whatIfRemovalSchema>;

/** A bad id or workspace never turns into a good one: do not retry client errors. */
export function retryServerErrors(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}
