import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { currentListenHosts, hostnameFromArgv, listeningHosts } from "./listen-check";

describe("hostnameFromArgv", () => {
  it.each<[string[], string | undefined]>([
    [["node", "next", "start", "-H", "127.0.0.1", "-p", "3000"], "127.0.0.1"],
    [["node", "next", "start", "--hostname", "0.0.0.0"], "0.0.0.0"],
    [["node", "next", "start", "--hostname=::"], "::"],
    [["node", "next", "start", "-H0.0.0.0"], "0.0.0.0"],
    [["node", "next", "start", "-H=localhost"], "localhost"],
    [["node", "next", "start", "-p", "3000"], undefined],
  ])("%j → %s", (argv, expected) => {
    expect(hostnameFromArgv(argv)).toBe(expected);
  });
});

describe("listeningHosts", () => {
  it("reads TCP servers' addresses and skips everything else", () => {
    const handles = [
      { listening: true, address: () => ({ address: "0.0.0.0", port: 1 }) },
      { listening: true, address: () => "/tmp/socket" },
      { listening: false, address: () => ({ address: "::", port: 2 }) },
      { fd: 1 },
      null,
    ];
    expect(listeningHosts(handles)).toEqual(["0.0.0.0"]);
  });
});

describe("currentListenHosts (this process's real servers)", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  });

  async function listen(host: string): Promise<void> {
    const server = createServer();
    servers.push(server);
    server.listen(0, host);
    await once(server, "listening");
  }

  it("sees a server listening on every interface", async () => {
    await listen("0.0.0.0");
    expect(currentListenHosts()).toContain("0.0.0.0");
  });

  it("sees a loopback server as loopback", async () => {
    await listen("127.0.0.1");
    expect(currentListenHosts()).toContain("127.0.0.1");
  });
});
