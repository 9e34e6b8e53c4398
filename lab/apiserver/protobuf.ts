// The Kubernetes protobuf encoding of request bodies (Content-Type application/vnd.kubernetes.protobuf): the
// "k8s\0" magic + runtime.Unknown envelope around a generated message. Built-in kinds accept it on a real cluster,
// and kubectl's typed clients send it: `kubectl create deployment|service|namespace|configmap|secret|role|
// rolebinding|serviceaccount|pdb` and `kubectl auth can-i|whoami`. The messages are in protobuf-schema.ts; a kind
// without a table is 415 (upstream's CRDs do not accept protobuf either). Responses stay JSON (kubectl's Accept
// lists application/json too).
import { PROTO_SCHEMAS, type Field, type Schema } from "./protobuf-schema";
import { badRequest, unsupportedMediaType } from "./status";
import type { KubeObject } from "./types";

export { PROTO_SCHEMAS };

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer, readonly end = buf.length) {}
  /** A varint as a signed 64-bit value (negative int32 and int64 are ten-byte two's complement). */
  varint(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end || shift > 63n) throw badRequest("unable to decode protobuf body: truncated varint");
      const byte = this.buf[this.pos++] ?? 0;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return Number(BigInt.asIntN(64, result));
      shift += 7n;
    }
  }
  bytes(): Buffer {
    const length = this.varint();
    if (this.pos + length > this.end) throw badRequest("unable to decode protobuf body: truncated field");
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.bytes();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw badRequest(`unable to decode protobuf body: wire type ${wireType}`);
  }
}

const QUANTITY: Schema = { 1: { name: "string", kind: "string" } };
const INT_OR_STRING: Schema = { 1: { name: "type", kind: "int" }, 2: { name: "intVal", kind: "int" }, 3: { name: "strVal", kind: "string" } };

function mapValue(bytes: Buffer, value: "string" | "bytes" | "quantity"): string {
  if (value === "string") return bytes.toString("utf8");
  if (value === "bytes") return bytes.toString("base64");
  return String(decodeMessage(bytes, QUANTITY).string ?? "0");
}

function decodeMapEntry(bytes: Buffer, value: "string" | "bytes" | "quantity"): [string, string] {
  const reader = new Reader(bytes);
  let key = "";
  let out = value === "quantity" ? "0" : "";
  while (reader.pos < reader.end) {
    const tag = reader.varint();
    if (tag % 8 !== 2) reader.skip(tag % 8);
    else if (Math.floor(tag / 8) === 1) key = reader.bytes().toString("utf8");
    else if (Math.floor(tag / 8) === 2) out = mapValue(reader.bytes(), value);
    else reader.skip(2);
  }
  return [key, out];
}

/** intstr.IntOrString: type 0 → the int, type 1 → the string (how it marshals to JSON). */
function intOrString(bytes: Buffer): number | string {
  const decoded = decodeMessage(bytes, INT_OR_STRING);
  return decoded.type === 1 ? String(decoded.strVal ?? "") : Number(decoded.intVal ?? 0);
}

function decodeScalar(out: Record<string, unknown>, field: Field, reader: Reader): void {
  const n = reader.varint();
  if (field.kind === "int!") out[field.name] = n;
  else if (field.kind === "bool!") out[field.name] = n !== 0;
  else if (n !== 0) out[field.name] = field.kind === "bool" ? true : n;
}

function decodeBytesField(out: Record<string, unknown>, field: Field, bytes: Buffer): void {
  const list = <T>(name: string) => (out[name] as T[] | undefined) ?? [];
  switch (field.kind) {
    case "string": out[field.name] = bytes.toString("utf8"); return;
    case "bytes": out[field.name] = bytes.toString("base64"); return;
    case "strings": out[field.name] = [...list<string>(field.name), bytes.toString("utf8")]; return;
    case "intOrString": out[field.name] = intOrString(bytes); return;
    case "quantity": out[field.name] = mapValue(bytes, "quantity"); return;
    case "message": out[field.name] = decodeMessage(bytes, field.schema); return;
    case "messages": out[field.name] = [...list<unknown>(field.name), decodeMessage(bytes, field.schema)]; return;
    case "map": {
      const [key, value] = decodeMapEntry(bytes, field.value);
      out[field.name] = { ...((out[field.name] as Record<string, string> | undefined) ?? {}), [key]: value };
      return;
    }
    default: return;
  }
}

const SCALARS = new Set<Field["kind"]>(["int", "int!", "bool", "bool!"]);

function decodeField(out: Record<string, unknown>, field: Field, reader: Reader, wireType: number): void {
  if (SCALARS.has(field.kind)) return wireType === 0 ? decodeScalar(out, field, reader) : reader.skip(wireType);
  if (wireType !== 2) return reader.skip(wireType);
  decodeBytesField(out, field, reader.bytes());
}

/** Decodes a message; empty strings and empty messages are dropped, as JSON's omitempty would. */
function decodeMessage(buf: Buffer, schema: Schema): Record<string, unknown> {
  const reader = new Reader(buf);
  const out: Record<string, unknown> = {};
  while (reader.pos < reader.end) {
    const key = reader.varint();
    const field = schema[Math.floor(key / 8)];
    if (field) decodeField(out, field, reader, key % 8);
    else reader.skip(key % 8);
  }
  for (const [name, value] of Object.entries(out)) {
    const empty = value === "" || (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
    if (empty) delete out[name];
  }
  return out;
}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const TYPE_META: Schema = { 1: { name: "apiVersion", kind: "string" }, 2: { name: "kind", kind: "string" } };
const UNKNOWN: Schema = { 1: { name: "typeMeta", kind: "message", schema: TYPE_META }, 2: { name: "raw", kind: "bytes" } };

export function decodeProtobufObject(body: Buffer, accepted: string[]): KubeObject {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw badRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
  const envelope = decodeMessage(body.subarray(4), UNKNOWN);
  const typeMeta = (envelope.typeMeta ?? {}) as Record<string, string>;
  const schema = PROTO_SCHEMAS[`${typeMeta.apiVersion ?? ""}/${typeMeta.kind ?? ""}`];
  if (!schema) throw unsupportedMediaType(accepted);
  const object = decodeMessage(Buffer.from(String(envelope.raw ?? ""), "base64"), schema);
  return { ...object, apiVersion: typeMeta.apiVersion ?? "", kind: typeMeta.kind ?? "", metadata: (object.metadata ?? {}) as KubeObject["metadata"] };
}
