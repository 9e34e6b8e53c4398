import { describe, expect, it } from "vitest";
import { parseFieldSelector, parseLabelSelector } from "./selectors";
import { createTypeRegistry } from "./types-registry";
import { StatusError, type KubeObject } from "./types";

const obj = (labels: Record<string, string>, name = "x", namespace = "ns"): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace, labels } });

describe("label selectors", () => {
  it.each([
    ["", {}, true], ["a=b", { a: "b" }, true], ["a=b", { a: "c" }, false], ["a==b", { a: "b" }, true], ["a!=b", {}, true], ["a!=b", { a: "b" }, false],
    ["a in (b, c)", { a: "c" }, true], ["a in (b,c)", {}, false], ["a notin (b,c)", {}, true], ["a notin (b,c)", { a: "b" }, false],
    ["a", { a: "" }, true], ["a", {}, false], ["!a", {}, true], ["!a", { a: "x" }, false], ["a=b,c", { a: "b", c: "1" }, true],
    ["a=b,c", { a: "b" }, false], ["app.kubernetes.io/name=web", { "app.kubernetes.io/name": "web" }, true], ["n>3", { n: "4" }, true], ["n<3", { n: "4" }, false],
  ])("%s on %j → %s", (selector, labels, expected) => {
    expect(parseLabelSelector(selector)(obj(labels))).toBe(expected);
  });

  it.each([["a b"], ["a=b c"], ["-a=b"], ["a in (b c)"], ["n>x"]])("rejects %s with 400", (selector) => {
    expect(() => parseLabelSelector(selector)).toThrow(StatusError);
    try {
      parseLabelSelector(selector);
    } catch (err) {
      expect((err as StatusError).status).toMatchObject({ code: 400, reason: "BadRequest" });
    }
  });
});

describe("field selectors", () => {
  const types = createTypeRegistry();
  const pod = types.byKind("", "Pod");
  const ns = types.byKind("", "Namespace");
  const se = types.byKind("networking.istio.io", "ServiceEntry");

  it("matches metadata.name and metadata.namespace, = == and !=", () => {
    if (!pod) throw new Error("no pod type");
    expect(parseFieldSelector(pod, "metadata.name=x,metadata.namespace==ns")(obj({}))).toBe(true);
    expect(parseFieldSelector(pod, "metadata.name!=x")(obj({}))).toBe(false);
    expect(parseFieldSelector(pod, "status.phase!=Succeeded")(obj({}))).toBe(true);
  });

  it.each([
    ["ServiceEntry", "spec.hosts=a", "field label not supported: spec.hosts"],
    ["Namespace", "metadata.namespace=x", "field label not supported: metadata.namespace"],
  ])("%s rejects %s", (kind, selector, message) => {
    const type = kind === "Namespace" ? ns : se;
    if (!type) throw new Error("no type");
    expect(() => parseFieldSelector(type, selector)).toThrow(message);
  });
});
