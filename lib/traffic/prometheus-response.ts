// The Prometheus HTTP API's answer to an instant query (GET /api/v1/query), as zod reads it. Only a vector is
// accepted: the traffic query is `sum by (...) (rate(...))`, which Prometheus always answers with a vector; a
// scalar, matrix or string would mean someone else's query or an API that is not Prometheus.
import { z } from "zod";

/** [unix seconds, "value as text"]: Prometheus sends sample values as strings ("NaN", "+Inf" included). */
const sampleValueSchema = z.tuple([z.number(), z.string()]);

export const vectorSampleSchema = z.object({
  metric: z.record(z.string(), z.string()),
  value: sampleValueSchema,
});

export const promQueryResponseSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("success"),
    data: z.object({ resultType: z.literal("vector"), result: z.array(vectorSampleSchema) }),
    warnings: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal("error"), errorType: z.string().optional(), error: z.string().optional() }),
]);

export type PromQueryResponse = z.infer<typeof promQueryResponseSchema>;

/** One sample with its value as a number; NaN and infinities (a rate over no data) are dropped by the reader. */
export type PromSample = { metric: Record<string, string>; value: number };

/** The finite, non-negative samples of a vector (rates are never negative; a NaN says "no data", not zero). */
export function samplesOf(result: ReadonlyArray<z.infer<typeof vectorSampleSchema>>): PromSample[] {
  const out: PromSample[] = [];
  for (const s of result) {
    const value = Number(s.value[1]);
    if (Number.isFinite(value) && value >= 0) out.push({ metric: s.metric, value });
  }
  return out;
}
