// Decoding request bodies for create/update: JSON or YAML objects; anything else is 415, malformed input 400.
import { parse as parseYaml } from "yaml";
import { mediaType } from "./http-util";
import { isRecord } from "./object-util";
import { decodeProtobufObject } from "./protobuf";
import { badRequest, unsupportedMediaType } from "./status";
import type { KubeObject } from "./types";

export const BODY_TYPES = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

export function decodeObject(raw: Buffer, contentTypeHeader: string | undefined): KubeObject {
  const type = mediaType(contentTypeHeader) || "application/json";
  if (type === "application/vnd.kubernetes.protobuf") return decodeProtobufObject(raw, BODY_TYPES);
  const text = raw.toString("utf8");
  let value: unknown;
  if (type === "application/json") {
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw badRequest(`couldn't get version/kind; json parse error: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else if (type === "application/yaml") {
    try {
      // Duplicate keys are not a decode error: the last one wins and field validation reports them.
      value = parseYaml(text, { uniqueKeys: false });
    } catch (err) {
      throw badRequest(`error converting YAML to JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    throw unsupportedMediaType(BODY_TYPES);
  }
  if (!isRecord(value)) throw badRequest("Object 'Kind' is missing in '" + text.slice(0, 200) + "'");
  if (value.metadata !== undefined && !isRecord(value.metadata)) {
    throw badRequest(`json: cannot unmarshal ${typeof value.metadata} into Go struct field .metadata of type v1.ObjectMeta`);
  }
  if (!isRecord(value.metadata)) value.metadata = {};
  return value as KubeObject;
}
