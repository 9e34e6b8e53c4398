// Requests read the model their context carries (the runtime's); a context without one (router tests with a
// fake fleet) reads one model of that fleet's own, kept per fleet service.
import { describe, expect, it } from "vitest";
import { fakeFleet } from "@/server/http/test/handler-fixture";
import type { FleetModel } from "@/server/model/types";
import { modelOf, modelOfFleet } from "./production-deps";

describe("the fleet model a request reads", () => {
  it("is the context's model when it carries one", () => {
    const fleet = fakeFleet();
    const model = { fork: () => Promise.reject(new Error("unused")) } as unknown as FleetModel;
    expect(modelOf({ fleet, model })).toBe(model);
  });

  it("is a model of the fleet's own, kept, for a context without one", () => {
    const fleet = fakeFleet();
    const own = modelOf({ fleet });
    expect(modelOf({ fleet })).toBe(own);
    expect(modelOfFleet(fleet)).toBe(own);
    expect(modelOf({ fleet: fakeFleet() })).not.toBe(own);
  });
});
