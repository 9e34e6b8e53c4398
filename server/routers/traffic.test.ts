// The traffic router over HTTP (the fetch adapter, as the Next route uses it): without EASTWEST_PROMETHEUS_URL it
// answers "not-configured" (no error, no Prometheus asked); an unknown workspace is 404 naming "workspace"; bad input 400.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { snapshotFleet } from "@/server/testing/snapshot-fleet";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { appRouter } from "./app-router";

const fakeFleet = () => snapshotFleet(demoSnapshot());

async function get(input: unknown) {
  const query = new URLSearchParams({ input: JSON.stringify(superjson.serialize(input)) });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(`http://console/api/trpc/traffic.view?${query.toString()}`), router: appRouter, createContext: () => ({ fleet: fakeFleet() }) });
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { data: Record<string, unknown> } } };
  return { status: res.status, result: body.result?.data.json, data: body.error?.json.data };
}

describe("traffic router", () => {
  it.each([
    ["no workspace", {}],
    ["a workspace", { workspace: "bookinfo-ws" }],
  ])("%s, no Prometheus configured: not-configured, nothing else", async (_name, input) => {
    expect(process.env.EASTWEST_PROMETHEUS_URL).toBeUndefined();
    const answer = await get(input);
    expect(answer.status).toBe(200);
    expect(answer.result).toMatchObject({ status: { state: "not-configured" }, servedBy: [], flows: [] });
  });

  it.each([
    [{ workspace: "nope" }, 404, "workspace"],
    [{ workspace: "" }, 400, "workspace"],
    [{ workspace: 7 }, 400, "workspace"],
  ])("%j answers %d on field %s", async (input, status, field) => {
    const answer = await get(input);
    expect(answer.status).toBe(status);
    expect(answer.data?.fieldErrors).toContainEqual({ field, message: expect.any(String) });
  });
});
