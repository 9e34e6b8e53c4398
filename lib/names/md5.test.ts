import { describe, expect, it } from "vitest";
import { md5Hex } from "./md5";

describe("md5Hex", () => {
  // RFC 1321 appendix A.5 test suite, plus block-boundary lengths and multi-byte UTF-8.
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
    ["The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6"],
  ])("md5(%j) = %s", (input, expected) => {
    expect(md5Hex(input)).toBe(expected);
  });

  // Lengths around the 56-byte padding boundary exercise the extra-block path (references from GNU md5sum).
  it.each([
    [55, "04364420e25c512fd958a70738aa8f72"],
    [56, "668a72d5ba17f08e62dabcafad6db14b"],
    [63, "7dc2ca208106a2f703567bdff99d8981"],
    [64, "c1bb4f81d892b2d57947682aeb252456"],
    [65, "1bc932052302d074bdec39795fe00cf6"],
    [119, "ab347a5f68c8a443cfcddc633f12c24f"],
    [120, "fb98667f98096de92620b64f46e1c5b5"],
    [128, "d69cb61a6ee87200676eb0d4b90edbcb"],
  ])("md5 of %i x's = %s", (n, expected) => {
    expect(md5Hex("x".repeat(n))).toBe(expected);
  });

  it("hashes UTF-8 bytes, not UTF-16 code units", () => {
    expect(md5Hex("集群")).toBe("85fe5099f6807dada65d274810933389");
  });
});
