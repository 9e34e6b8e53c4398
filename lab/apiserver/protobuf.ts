// Just enough of the Kubernetes protobuf encoding to accept what kubectl's typed clients send for
// `kubectl create namespace|configmap|secret` and `kubectl auth can-i|whoami` (Content-Type application/vnd.kubernetes.protobuf): the
// "k8s\0" + runtime.Unknown envelope and the generated messages of those kinds. Responses stay JSON (kubectl's
// Accept lists application/json too).
import { badRequest, unsupportedMediaType } from "./status";
import type { KubeObject } from "./types";

type Field =
  | { name: string; kind: "string" | "bytes" | "int" | "bool" | "strings" }
  | { name: string; kind: "message"; schema: Schema }
  | { name: string; kind: "map"; value: "string" | "bytes" };
type Schema = Record<number, Field>;

const OBJECT_META: Schema = {
  1: { name: "name", kind: "string" }, 2: { name: "generateName", kind: "string" }, 3: { name: "namespace", kind: "string" },
  11: { name: "labels", kind: "map", value: "string" }, 12: { name: "annotations", kind: "map", value: "string" },
  14: { name: "finalizers", kind: "strings" },
};
const meta = { name: "metadata", kind: "message", schema: OBJECT_META } as const;

const RESOURCE_ATTRIBUTES: Schema = {
  1: { name: "namespace", kind: "string" }, 2: { name: "verb", kind: "string" }, 3: { name: "group", kind: "string" },
  4: { name: "version", kind: "string" }, 5: { name: "resource", kind: "string" }, 6: { name: "subresource", kind: "string" },
  7: { name: "name", kind: "string" },
};
const SSAR_SPEC: Schema = {
  1: { name: "resourceAttributes", kind: "message", schema: RESOURCE_ATTRIBUTES },
  2: { name: "nonResourceAttributes", kind: "message", schema: { 1: { name: "path", kind: "string" }, 2: { name: "verb", kind: "string" } } },
};

export const PROTO_SCHEMAS: Record<string, Schema> = {
  "v1/Namespace": { 1: meta, 2: { name: "spec", kind: "message", schema: { 1: { name: "finalizers", kind: "strings" } } } },
  "v1/ConfigMap": { 1: meta, 2: { name: "data", kind: "map", value: "string" }, 3: { name: "binaryData", kind: "map", value: "bytes" }, 4: { name: "immutable", kind: "bool" } },
  "v1/Secret": {
    1: meta, 2: { name: "data", kind: "map", value: "bytes" }, 3: { name: "type", kind: "string" },
    4: { name: "stringData", kind: "map", value: "string" }, 5: { name: "immutable", kind: "bool" },
  },
  // `kubectl auth can-i` and `kubectl auth whoami` post these (k8s.io/api authorization/v1, authentication/v1).
  "authorization.k8s.io/v1/SelfSubjectAccessReview": { 1: meta, 2: { name: "spec", kind: "message", schema: SSAR_SPEC } },
  "authentication.k8s.io/v1/SelfSubjectReview": { 1: meta },
};

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer, readonly end = buf.length) {}
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.end) throw badRequest("unable to decode protobuf body: truncated varint");
      const byte = this.buf[this.pos++] ?? 0;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
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

function decodeMapEntry(bytes: Buffer, value: "string" | "bytes"): [string, string] {
  const entry = decodeMessage(bytes, { 1: { name: "k", kind: "string" }, 2: { name: "v", kind: value === "string" ? "string" : "bytes" } }, true);
  return [String(entry.k ?? ""), String(entry.v ?? "")];
}

function decodeField(out: Record<string, unknown>, field: Field, reader: Reader, wireType: number): void {
  if (field.kind === "int" || field.kind === "bool") {
    const n = reader.varint();
    if (n !== 0) out[field.name] = field.kind === "bool" ? true : n;
    return;
  }
  if (wireType !== 2) return reader.skip(wireType);
  const bytes = reader.bytes();
  if (field.kind === "string") out[field.name] = bytes.toString("utf8");
  else if (field.kind === "bytes") out[field.name] = bytes.toString("base64");
  else if (field.kind === "strings") out[field.name] = [...((out[field.name] as string[] | undefined) ?? []), bytes.toString("utf8")];
  else if (field.kind === "message") out[field.name] = decodeMessage(bytes, field.schema);
  else if (field.kind === "map") {
    const [key, value] = decodeMapEntry(bytes, field.value);
    out[field.name] = { ...((out[field.name] as Record<string, string> | undefined) ?? {}), [key]: value };
  }
}

/** Decodes a message; empty strings and empty messages are dropped, as JSON's omitempty would. */
function decodeMessage(buf: Buffer, schema: Schema, keepEmpty = false): Record<string, unknown> {
  const reader = new Reader(buf);
  const out: Record<string, unknown> = {};
  while (reader.pos < reader.end) {
    const key = reader.varint();
    const field = schema[Math.floor(key / 8)];
    if (field) decodeField(out, field, reader, key % 8);
    else reader.skip(key % 8);
  }
  if (keepEmpty) return out;
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
