// Requests read the process's one fleet model: the runtime's, found by the runtime's fleet service without
// starting a runtime; any other fleet service (router tests) gets one model of its own, kept.
import { afterEach, describe, expect, it } from "vitest";
import { fakeFleet } from "@/server/http/test/handler-fixture";
import type { FleetModel } from "@/server/model/types";
import { modelIn, runtimeModelOf } from "./context-model";
import { modelOfFleet } from "./production-deps";

const KEY = Symbol.for("eastwest-console.runtime");
const holder = globalThis as { [KEY]?: unknown };

afterEach(() => {
  delete holder[KEY];
});

describe("the fleet model a request reads", () => {
  it("is the runtime's model for the runtime's fleet, wherever the context was built", () => {
    const fleet = fakeFleet();
    const model = { fork: () => Promise.reject(new Error("unused")) } as unknown as FleetModel;
    holder[KEY] = { fleet, model, registry: Promise.resolve(undefined) };
    expect(runtimeModelOf(fleet)).toBe(model);
    expect(modelIn({ fleet })).toBe(model);
    expect(modelOfFleet(fleet)).toBe(model);
  });

  it("is a model of the fleet's own, kept, for a fleet that is not the runtime's (and no runtime is started)", () => {
    const fleet = fakeFleet();
    expect(modelIn({ fleet })).toBeUndefined();
    const own = modelOfFleet(fleet);
    expect(modelOfFleet(fleet)).toBe(own);
    expect(modelOfFleet(fakeFleet())).not.toBe(own);
    expect(holder[KEY]).toBeUndefined();
  });
});
