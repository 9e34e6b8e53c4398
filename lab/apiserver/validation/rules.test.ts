// The string rules and formats built-in and Istio validation rest on, table-driven against upstream's outputs.
import { describe, expect, it } from "vitest";
import { celRuleHolds } from "../schema/cel-rules";
import { duplicateFields } from "./duplicate-fields";
import { microTimeError } from "./go-time";
import { goLabelSelector, goStringMap } from "./go-values";
import { multiError } from "./istio-webhook";
import { fqdnError, ipSubnetError, wildcardDomainError } from "./istio-rules";
import { isQualifiedName, isValidLabelValue } from "./name-rules";
import { defaultPullPolicy } from "./pod-defaults";

describe("apimachinery name rules", () => {
  it.each([
    ["app", []],
    ["example.com/app", []],
    ["app.kubernetes.io/name", []],
    ["/app", ["prefix part must be non-empty"]],
    ["a/b/c", ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]],
    ["x".repeat(64), ["name part must be no more than 63 characters"]],
  ])("IsQualifiedName(%j)", (value, errors) => {
    expect(isQualifiedName(value)).toEqual(errors);
  });

  it.each([["", 0], ["v1.2_x", 0], ["-x", 1], ["x".repeat(64), 1]])("IsValidLabelValue(%j) has %i errors", (value, count) => {
    expect(isValidLabelValue(value)).toHaveLength(count);
  });
});

describe("MicroTime parsing", () => {
  it.each([
    ["2026-01-01T10:00:00.123456Z", undefined],
    ["2026-01-01T10:00:00.123456+02:00", undefined],
    ["2026-01-01T10:00:00.123Z", 'parsing time "2026-01-01T10:00:00.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000"'],
    ["2026-13-01T10:00:00.000000Z", 'parsing time "2026-13-01T10:00:00.000000Z": month out of range'],
    ["2026-01-01 10:00:00.000000Z", 'parsing time "2026-01-01 10:00:00.000000Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse " 10:00:00.000000Z" as "T"'],
  ])("%s", (value, error) => {
    expect(microTimeError(value)).toBe(error);
  });
});

describe("Go's %#v of the values field errors print", () => {
  it("maps sort their keys; selectors print both fields", () => {
    expect(goStringMap({ b: "2", a: "1" })).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goStringMap(undefined)).toBe("map[string]string(nil)");
    expect(goLabelSelector({ matchExpressions: [{ key: "k", operator: "In", values: ["v"] }] })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"In", Values:[]string{"v"}}}}',
    );
  });
});

describe("SetDefaults_Container imagePullPolicy", () => {
  it.each([["nginx", "Always"], ["nginx:latest", "Always"], ["nginx:1.27", "IfNotPresent"], ["registry:5000/nginx", "Always"], ["nginx@sha256:abc", "IfNotPresent"]])("%s → %s", (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe("istiod's helpers", () => {
  it.each([
    ["*.example.com", undefined],
    ["details.bookinfo.svc.cluster.local", undefined],
    ["", "empty domain name not allowed"],
    // ValidateDNS1123Labels is called with the rest of the name after the first label, and names that.
    ["a..b", 'domain name ".b" invalid (label "" invalid)'],
    ["example.123", 'domain name "123" invalid (top level domain "123" cannot be all-numeric)'],
  ])("ValidateWildcardDomain(%j)", (host, error) => {
    expect(wildcardDomainError(host)).toBe(error);
  });

  it("FQDNs need two labels; subnets need a valid prefix", () => {
    expect(fqdnError("localhost")).toBe('domain name "localhost" should be fully qualified');
    expect(ipSubnetError("10.0.0.0/8")).toBeUndefined();
    expect(ipSubnetError("10.0.0.0/40")).toBe('"10.0.0.0/40" is not a valid CIDR');
  });

  it("go-multierror's list format from the second error on", () => {
    expect(multiError(["a"])).toBe("a");
    expect(multiError(["a", "b"])).toBe("2 errors occurred:\n\t* a\n\t* b\n\n");
  });
});

describe("CEL rules of the Istio CRDs", () => {
  it.each([
    ["0 < self && self <= 65535", 80, true],
    ["0 < self && self <= 65535", 0, false],
    ["duration(self) >= duration('1ms')", "1.5s", true],
    ["duration(self) >= duration('1ms')", "10", false],
    ["duration(self) >= duration('1ms')", "500us", false],
    ["(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1", { workloadSelector: {}, endpoints: [] }, false],
    ["self.all(l1, self.exists_one(l2, l1.number == l2.number))", [{ number: 1 }, { number: 2 }], true],
    ["an unknown rule", {}, undefined],
  ])("%s with %j", (rule, self, holds) => {
    expect(celRuleHolds(rule, self)).toBe(holds);
  });
});

describe("duplicate keys", () => {
  it("JSON: paths through arrays, last occurrence reported", () => {
    const body = Buffer.from('{"a":{"b":1,"b":2},"list":[{"x":1},{"x":1,"x":2}]}');
    expect(duplicateFields(body, "application/json").messages).toEqual(['duplicate field "a.b"', 'duplicate field "list[1].x"']);
  });

  it("YAML: the duplicate's line, nested in lists too", () => {
    const body = Buffer.from("a: 1\nlist:\n- x: 1\n  x: 2\na: 3\n");
    expect(duplicateFields(body, "application/yaml").messages).toEqual(['line 4: key "x" already set in map', 'line 5: key "a" already set in map']);
  });
});
