import { afterEach, describe, expect, it } from "vitest";
import { claimAddressBlock, type AddressBlock } from "./address-block";

describe("claimAddressBlock", () => {
  const held: AddressBlock[] = [];
  afterEach(async () => {
    await Promise.all(held.splice(0).map((b) => b.release()));
  });

  it("gives two labs with the same seed different blocks, and the block back once released", async () => {
    const seed = `test-${process.pid}-${Math.random()}`;
    const a = await claimAddressBlock(seed, 3);
    held.push(a);
    const b = await claimAddressBlock(seed, 3);
    held.push(b);
    expect(b.block).not.toBe(a.block);
    await a.release();
    held.splice(held.indexOf(a), 1);
    const c = await claimAddressBlock(seed, 3);
    held.push(c);
    expect(c.block).toBe(a.block);
  });
});
