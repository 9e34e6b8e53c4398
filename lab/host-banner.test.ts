import { describe, expect, it } from "vitest";
import { exposedHostBanner, isLoopbackHost } from "./host-banner";

describe("the lab's --host", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["LOCALHOST", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
    ["lab.example.com", false],
    ["127.0.0.1.example.com", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
    const banner = exposedHostBanner(host);
    if (loopback) expect(banner).toBeUndefined();
    else {
      expect(banner?.split("\n").length).toBeGreaterThanOrEqual(4);
      expect(banner).toContain(`the lab listens on ${host}, not on loopback`);
    }
  });
});
