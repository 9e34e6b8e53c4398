// Kubernetes name and label syntax (k8s.io/apimachinery/pkg/util/validation): object names of most kinds
// are DNS-1123 subdomains, Service and Namespace names are DNS-1123 labels, label values have their own rule.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A DNS-1123 label: ≤ 63 lowercase alphanumerics or '-', starting and ending alphanumeric. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** A DNS-1123 subdomain: ≤ 253 characters, dot-separated DNS labels (the rule for most object names). */
export function isDnsSubdomain(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  // Most names checked (every planned object's) have no dot: one label, no array.
  return value.includes(".") ? value.split(".").every(isDnsLabel) : isDnsLabel(value);
}

/** A label value: empty, or ≤ 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** A dotted-quad IPv4 address with each octet in 0–255 and no leading zeros. */
export function isIPv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** An IPv6 address in any textual form (hex groups, '::' compression, optional embedded IPv4 tail). */
export function isIPv6(value: string): boolean {
  if (!value.includes(":") || !/^[0-9A-Fa-f:.]+$/.test(value)) return false;
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  const last = groups[groups.length - 1] ?? "";
  const v4Tail = last.includes(".");
  if (v4Tail && !isIPv4(last)) return false;
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}

export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}
