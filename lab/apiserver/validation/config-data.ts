// ConfigMap and Secret data keys (ValidateConfigMap/ValidateSecret with validation.IsConfigMapKey): each key of
// data and binaryData (ConfigMap) or data (Secret, stringData included) must be a valid config key, and a ConfigMap
// key may not be in both of its bags.
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import type { KubeObject } from "../types";
import { goSimple, invalidField } from "./go-values";
import { maxLenError, regexError } from "./name-rules";

const CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** validation.IsConfigMapKey. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!CONFIG_KEY.test(key)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
  if (key === ".") errs.push("must not be '.'");
  else if (key === "..") errs.push("must not be '..'");
  else if (key.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}

function keyErrors(bag: unknown, field: string, other?: unknown): FieldError[] {
  if (!isRecord(bag)) return [];
  return Object.keys(bag).sort().flatMap((key) => {
    const errors = isConfigMapKey(key).map((msg) => invalidField(`${field}[${key}]`, goSimple(key), msg));
    if (isRecord(other) && Object.hasOwn(other, key)) errors.push(invalidField(`${field}[${key}]`, goSimple(key), "duplicate of key present in binaryData"));
    return errors;
  });
}

export function validateConfigMap(object: KubeObject): FieldError[] {
  return [...keyErrors(object.data, "data", object.binaryData), ...keyErrors(object.binaryData, "binaryData")];
}

/** stringData is merged into data by the v1 conversion before validation, so its keys are reported under data. */
export function validateSecret(object: KubeObject): FieldError[] {
  const data = { ...(isRecord(object.data) ? object.data : {}), ...(isRecord(object.stringData) ? object.stringData : {}) };
  return keyErrors(data, "data");
}
