// Tagged errors are recognised by their tag wherever they were made: by this module, by a second copy of it (as
// Next's instrumentation and route module graphs each load their own), or as a plain object without any class.
// The mapping to tRPC codes and the one response shape hold for all of them.
import { describe, expect, it, vi } from "vitest";
import { asDomainError, conflict, fieldErrorsOfDomain, forbidden, invalidInput, notFound, unavailable, unprocessable } from "./errors";
import { errorOf, fakeFleet, handlerFor, post } from "./http/test/handler-fixture";
import { codeForDomain } from "./trpc";

async function fromSecondGraph() {
  vi.resetModules();
  return (await import("./errors")) as typeof import("./errors");
}

describe("tagged errors", () => {
  it.each([
    ["NotFound", () => notFound("cluster", "no cluster mars"), "NOT_FOUND"],
    ["Invalid", () => invalidInput([{ field: "name", message: "use lower case" }]), "BAD_REQUEST"],
    ["Unprocessable", () => unprocessable("workspace", "too deep"), "UNPROCESSABLE_CONTENT"],
    ["Unavailable", () => unavailable("registry down"), "PRECONDITION_FAILED"],
    ["Unavailable naming a field", () => unavailable("west is stale", "cluster"), "PRECONDITION_FAILED"],
    ["Conflict", () => conflict("service", "a drill is already running on details"), "CONFLICT"],
    ["Forbidden", () => forbidden("cluster", "you may not create failoverdrills in west"), "FORBIDDEN"],
    ["a plain object with a tag", () => ({ tag: "eastwest.NotFound", field: "cluster", message: "no cluster mars" }), "NOT_FOUND"],
  ])("%s maps to %s", (_name, make, code) => {
    expect(codeForDomain(make())).toBe(code);
  });

  it.each([
    ["Conflict", () => conflict("service", "a drill is running"), [{ field: "service", message: "a drill is running" }]],
    ["Unavailable with a field", () => unavailable("west is stale", "cluster"), [{ field: "cluster", message: "west is stale" }]],
    ["Unavailable without one", () => unavailable("registry down"), []],
  ])("%s names its field in the answer's field errors", (_name, make, expected) => {
    const domain = asDomainError(make());
    expect(domain && fieldErrorsOfDomain(domain)).toEqual(expected);
  });

  it("one made by a second module graph is recognised, though not an instance of this one's", async () => {
    const other = await fromSecondGraph();
    const error = other.notFound("cluster", "no cluster mars");
    expect(asDomainError(error)).toEqual({ tag: "eastwest.NotFound", field: "cluster", message: "no cluster mars", fieldErrors: [{ field: "cluster", message: "no cluster mars" }] });
    expect(codeForDomain(error)).toBe("NOT_FOUND");
  });

  it.each([
    ["an Error", new Error("boom")],
    ["an unknown tag", { tag: "other.NotFound", field: "x", message: "m" }],
    ["a NotFound without its field", { tag: "eastwest.NotFound", message: "m" }],
    ["an Invalid with malformed field errors", { tag: "eastwest.Invalid", message: "m", fieldErrors: [{ field: 1 }] }],
    ["null", null],
  ])("%s is no domain error (stays a 500)", (_name, value) => {
    expect(asDomainError(value)).toBeUndefined();
    expect(codeForDomain(value)).toBeUndefined();
  });

  it.each([
    ["a second graph's error", async () => (await fromSecondGraph()).notFound("cluster", 'No cluster named "mars" in the kubeconfig.')],
    ["a plain object thrown", async () => ({ tag: "eastwest.NotFound", field: "cluster", message: 'No cluster named "mars" in the kubeconfig.' })],
  ])("fleet.recheck answers 404 naming the field for %s", async (_name, make) => {
    const thrown = await make();
    const fleet = fakeFleet(undefined, async () => {
      throw thrown;
    });
    const { status, error } = await errorOf(await handlerFor(fleet).handle(post("fleet.recheck", { cluster: "mars" })));
    expect(status).toBe(404);
    expect(error).toMatchObject({ message: 'No cluster named "mars" in the kubeconfig.', data: { code: "NOT_FOUND", fieldErrors: [{ field: "cluster", message: 'No cluster named "mars" in the kubeconfig.' }] } });
  });

  it("anything else is a 500 whose answer carries no stack and no field errors", async () => {
    const fleet = fakeFleet(undefined, async () => {
      throw new Error("boom");
    });
    const { status, error } = await errorOf(await handlerFor(fleet).handle(post("fleet.recheck", { cluster: "west" })));
    expect(status).toBe(500);
    expect(error.data).toEqual({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "fleet.recheck", fieldErrors: [] });
  });
});
