// A small pure MD5 (RFC 1321). lib/ is isomorphic and may not import node:crypto, and MD5 is what the
// shadow WorkloadEntry names and content-hash annotations need: a stable fingerprint, not a security
// primitive. Input strings are hashed as UTF-8 (TextEncoder exists in Node and every browser).
//
// The planner hashes every object it builds (tens of thousands at fleet scale), so the inner loop allocates
// nothing: message words are read into one reused Uint32Array and the state lives in local variables.

// Per-round left-rotation amounts and the sine-derived constants K[i] = floor(|sin(i + 1)| * 2^32).
const SHIFTS = Uint8Array.from([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);
const K = Uint32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
/** The message word each step reads: i, 5i+1, 3i+5, 7i (mod 16) for the four rounds. */
const WORD = Uint8Array.from({ length: 64 }, (_, i) => (i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16));
const encoder = new TextEncoder();
const words = new Uint32Array(16);
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

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

function round(i: number, b: number, c: number, d: number): number {
  if (i < 16) return (b & c) | (~b & d);
  if (i < 32) return (d & b) | (~d & c);
  if (i < 48) return b ^ c ^ d;
  return c ^ (b | ~d);
}

function block(state: Uint32Array, view: DataView, offset: number): void {
  for (let w = 0; w < 16; w++) words[w] = view.getUint32(offset + w * 4, true);
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  for (let i = 0; i < 64; i++) {
    const sum = (a + round(i, b, c, d) + (K[i] as number) + (words[WORD[i] as number] as number)) | 0;
    const shift = SHIFTS[(i >> 4) * 4 + (i & 3)] as number;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
  }
  state[0] = (state[0] as number) + a;
  state[1] = (state[1] as number) + b;
  state[2] = (state[2] as number) + c;
  state[3] = (state[3] as number) + d;
}

/** MD5 of the UTF-8 encoding of `text`, as 32 lowercase hex digits. */
export function md5Hex(text: string): string {
  const view = pad(encoder.encode(text));
  const state = Uint32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  for (let offset = 0; offset < view.byteLength; offset += 64) block(state, view, offset);
  const bytes = new Uint8Array(state.buffer);
  let out = "";
  // Uint32Array uses the platform's byte order; MD5's digest is the state words little-endian.
  const little = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
  for (let i = 0; i < 16; i++) out += HEX[bytes[little ? i : (i & ~3) + 3 - (i & 3)] as number];
  return out;
}
