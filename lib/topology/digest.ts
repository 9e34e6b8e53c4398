// A streaming 53-bit digest (the mixing of lib/fleet/namespace-digests.ts hash53) fed piece by piece, so the
// version of a graph with 10^5 edges is computed without building one string of all of them.
export type Digest = { add(text: string): void; addNumber(n: number): void; value(): string };

export function createDigest(seed = 0): Digest {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  const feed = (ch: number) => {
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  };
  return {
    add(text) {
      for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
      // A separator no name contains, so ("ab", "c") and ("a", "bc") differ.
      feed(0);
    },
    addNumber(n) {
      feed(n & 0xffff);
      feed(n >>> 16);
    },
    value() {
      const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
      return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
    },
  };
}
