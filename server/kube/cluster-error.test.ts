import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it, vi } from "vitest";
import { ClusterError, toClusterError } from "./cluster-error";

const sysErr = (code: string, message = "request to http://user:pw@x failed") =>
  Object.assign(new Error(message), { code });
const abort = () => Object.assign(new Error("The user aborted a request."), { name: "AbortError" });

describe("toClusterError", () => {
  it.each([
    ["refused", sysErr("ECONNREFUSED"), "refused", /refused the connection/],
    ["reset", sysErr("ECONNRESET"), "refused", /refused/],
    ["refused in cause (undici)", Object.assign(new TypeError("fetch failed"), { cause: sysErr("ECONNREFUSED") }), "refused", /ECONNREFUSED/],
    ["abort", abort(), "timeout", /did not answer within 3 s/],
    ["ETIMEDOUT", sysErr("ETIMEDOUT"), "timeout", /did not answer/],
    ["401", new ApiException(401, "Unauthorized", '{"kind":"Status"}', {}), "unauthorized", /401 Unauthorized/],
    ["403", new ApiException(403, "Forbidden", "{}", {}), "forbidden", /403 Forbidden/],
    ["500", new ApiException(500, "boom", "{}", {}), "unknown", /HTTP 500/],
    ["dns", sysErr("ENOTFOUND"), "dns", /could not be resolved/],
    ["tls", sysErr("DEPTH_ZERO_SELF_SIGNED_CERT"), "tls", /TLS handshake/],
    ["tls altname", sysErr("ERR_TLS_CERT_ALTNAME_INVALID"), "tls", /certificate authority/],
    ["plain error", new Error("token=abc"), "unknown", /failed unexpectedly \(Error\)/],
    ["a string", "weird", "unknown", /\(string\)/],
  ])("%s", (_name, err, reason, sentence) => {
    const mapped = toClusterError("east", err, 3000);
    expect(mapped).toBeInstanceOf(ClusterError);
    expect(mapped.cluster).toBe("east");
    expect(mapped.reason).toBe(reason);
    expect(mapped.message).toMatch(sentence);
    expect(mapped.message).toContain("east");
  });

  it("never copies the transport error's message", () => {
    const mapped = toClusterError("east", sysErr("ECONNREFUSED", "request to http://user:s3cret@host failed"));
    expect(mapped.message).not.toContain("s3cret");
    expect(toClusterError("east", new Error("Bearer s3cret")).message).not.toContain("s3cret");
  });

  it("keeps an existing ClusterError", () => {
    const original = new ClusterError("west", "dns", "x");
    expect(toClusterError("east", original)).toBe(original);
  });

  it("keeps a ClusterError made by another module graph's class (recognised by its tag)", async () => {
    // A fresh copy of the module stands in for Next's second module graph: same shape, different class.
    vi.resetModules();
    const other = (await import("./cluster-error")) as typeof import("./cluster-error");
    const foreign = new other.ClusterError("west", "dns", "west's host could not be resolved");
    expect(foreign).not.toBeInstanceOf(ClusterError);
    expect(toClusterError("east", foreign)).toBe(foreign);
  });

  it("exposes a serialisable view", () => {
    expect(toClusterError("east", sysErr("ECONNREFUSED")).toView()).toEqual({
      reason: "refused",
      message: expect.stringContaining("east"),
    });
  });
});
