import { connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimAddressBlock, type AddressBlock } from "./address-block";
import { createListenerSet } from "./gateway-listeners";

const PORT = 15443;
let block: AddressBlock;
let addresses: string[];
const accepted: Socket[] = [];

beforeEach(async () => {
  block = await claimAddressBlock(`gateway-listeners-test-${process.pid}-${Math.random()}`, 1);
  addresses = block.loadBalancerAddresses(0, "bookinfo", "eastwest-gateway");
});
afterEach(async () => {
  for (const socket of accepted.splice(0)) socket.destroy();
  await block.release();
});

/** "accepted" or the connect error's code. */
function dial(address: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port: PORT });
    socket.on("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const onConnection = (socket: Socket): void => void accepted.push(socket);

/** Closing waits for the accepted connections (an Envoy draining them), so the test ends them first. */
async function closeAll(set: ReturnType<typeof createListenerSet>): Promise<void> {
  for (const socket of accepted.splice(0)) socket.destroy();
  await set.close();
}

describe("createListenerSet", () => {
  it("listens on exactly the addresses of the last sync", async () => {
    const [a = "", b = "", c = ""] = addresses;
    const set = createListenerSet(PORT, onConnection, () => undefined);
    await set.sync([a, b]);
    expect(set.addresses().sort()).toEqual([a, b].sort());
    expect([await dial(a), await dial(b), await dial(c)]).toEqual(["accepted", "accepted", "ECONNREFUSED"]);
    await set.sync([c]);
    expect([await dial(a), await dial(b), await dial(c)]).toEqual(["ECONNREFUSED", "ECONNREFUSED", "accepted"]);
    await set.sync([]);
    expect(await dial(c)).toBe("ECONNREFUSED");
    await closeAll(set);
  });

  it("keeps serialised syncs in order (the last one wins)", async () => {
    const [a = "", b = ""] = addresses;
    const set = createListenerSet(PORT, onConnection, () => undefined);
    void set.sync([a]);
    void set.sync([]);
    await set.sync([b]);
    expect(set.addresses()).toEqual([b]);
    expect([await dial(a), await dial(b)]).toEqual(["ECONNREFUSED", "accepted"]);
    await closeAll(set);
  });

  it("reports an address it cannot listen on and takes it at a later sync", async () => {
    const [a = ""] = addresses;
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(PORT, a, resolve));
    const errors: string[] = [];
    const set = createListenerSet(PORT, onConnection, (address, error) => errors.push(`${address} ${(error as NodeJS.ErrnoException).code ?? ""}`));
    await set.sync([a]);
    expect(errors).toEqual([`${a} EADDRINUSE`]);
    expect(set.addresses()).toEqual([]);
    await new Promise((resolve) => squatter.close(resolve));
    await set.sync([a]);
    expect(set.addresses()).toEqual([a]);
    await set.close();
    expect(set.addresses()).toEqual([]);
  });

  it("close() resolves once every listener is closed, its connections destroyed first", async () => {
    const [a = ""] = addresses;
    const set = createListenerSet(PORT, onConnection, () => undefined);
    await set.sync([a]);
    const client = connect({ host: a, port: PORT });
    await new Promise((resolve) => client.on("connect", resolve));
    while (accepted.length === 0) await new Promise((resolve) => setImmediate(resolve));
    for (const socket of accepted.splice(0)) socket.destroy();
    await set.close();
    client.destroy();
    expect(await dial(a)).toBe("ECONNREFUSED");
  });
});
