// A small pure MD5 (RFC 1321). lib/ is isomorphic and may not import node:crypto, and MD5 is what the
// shadow WorkloadEntry names and content-hash annotations need: a stable fingerprint, not a security
// primitive. Input strings are hashed as UTF-8 (TextEncoder exists in Node and every browser).

// Per-round left-rotation amounts and the sine-derived constants K[i] = floor(|sin(i + 1)| * 2^32).
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

function rotl(x: number, c: number): number {
  return ((x << c) | (x >>> (32 - c))) >>> 0;
}

/** Pads to a multiple of 64 bytes: 0x80, zeros, then the bit length as a 64-bit little-endian integer. */
function pad(bytes: Uint8Array): DataView {
  const total = Math.ceil((bytes.length + 9) / 64) * 64;
  const view = new DataView(new ArrayBuffer(total));
  new Uint8Array(view.buffer).set(bytes);
  view.setUint8(bytes.length, 0x80);
  const bits = bytes.length * 8;
  view.setUint32(total - 8, bits >>> 0, true);
  view.setUint32(total - 4, Math.floor(bits / 2 ** 32) >>> 0, true);
  return view;
}

function mix(i: number, b: number, c: number, d: number): [number, number] {
  if (i < 16) return [(b & c) | (~b & d), i];
  if (i < 32) return [(d & b) | (~d & c), (5 * i + 1) % 16];
  if (i < 48) return [b ^ c ^ d, (3 * i + 5) % 16];
  return [c ^ (b | ~d), (7 * i) % 16];
}

function block(state: number[], view: DataView, offset: number): void {
  let [a, b, c, d] = [state[0] ?? 0, state[1] ?? 0, state[2] ?? 0, state[3] ?? 0];
  for (let i = 0; i < 64; i++) {
    const [f, g] = mix(i, b, c, d);
    const shift = SHIFTS[(i >> 4) * 4 + (i % 4)] ?? 0;
    const sum = (a + f + (K[i] ?? 0) + view.getUint32(offset + g * 4, true)) >>> 0;
    [a, d, c] = [d, c, b];
    b = (b + rotl(sum, shift)) >>> 0;
  }
  state[0] = ((state[0] ?? 0) + a) >>> 0;
  state[1] = ((state[1] ?? 0) + b) >>> 0;
  state[2] = ((state[2] ?? 0) + c) >>> 0;
  state[3] = ((state[3] ?? 0) + d) >>> 0;
}

/** MD5 of the UTF-8 encoding of `text`, as 32 lowercase hex digits. */
export function md5Hex(text: string): string {
  const view = pad(new TextEncoder().encode(text));
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let offset = 0; offset < view.byteLength; offset += 64) block(state, view, offset);
  const out = new DataView(new ArrayBuffer(16));
  state.forEach((word, i) => out.setUint32(i * 4, word, true));
  return Array.from(new Uint8Array(out.buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
