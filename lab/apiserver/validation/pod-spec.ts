// PodSpec validation (pkg/apis/core/validation: validateContainers, validateContainerPorts, validateRestartPolicy),
// the part the lab's users reach: at least one container, each with a unique DNS-label name and an image, ports
// in range with a known protocol, and a known restart policy. Shared by Pods and by pod templates.
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import { duplicate, goSimple, inclusiveRange, invalidField, notSupported, required } from "./go-values";
import { isDNS1123Label } from "./name-rules";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
export const RESTART_POLICIES = ["Always", "Never", "OnFailure"];

function validatePorts(ports: unknown, path: string): FieldError[] {
  if (!Array.isArray(ports)) return [];
  const errors: FieldError[] = [];
  ports.forEach((port, i) => {
    if (!isRecord(port)) return;
    const at = `${path}[${i}]`;
    const number = port.containerPort;
    if (typeof number !== "number" || number < 1 || number > 65535) {
      errors.push(invalidField(`${at}.containerPort`, goSimple(number ?? 0), inclusiveRange(1, 65535)));
    }
    if (port.protocol === undefined || port.protocol === "") errors.push(required(`${at}.protocol`));
    else if (!PROTOCOLS.includes(String(port.protocol))) errors.push(notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  });
  return errors;
}

function validateContainerList(list: unknown, path: string, seen: Set<string>): FieldError[] {
  if (!Array.isArray(list)) return [];
  const errors: FieldError[] = [];
  list.forEach((container, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(container)) return;
    const name = typeof container.name === "string" ? container.name : "";
    if (!name) errors.push(required(`${at}.name`));
    else {
      for (const msg of isDNS1123Label(name)) errors.push(invalidField(`${at}.name`, goSimple(name), msg));
      if (seen.has(name)) errors.push(duplicate(`${at}.name`, name));
      seen.add(name);
    }
    if (typeof container.image !== "string" || container.image === "") errors.push(required(`${at}.image`));
    errors.push(...validatePorts(container.ports, `${at}.ports`));
  });
  return errors;
}

/** `path`: "spec" for a Pod, "spec.template.spec" for a template. */
export function validatePodSpec(spec: unknown, path: string): FieldError[] {
  const s = isRecord(spec) ? spec : {};
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(s.containers) || s.containers.length === 0) errors.push(required(`${path}.containers`));
  else errors.push(...validateContainerList(s.containers, `${path}.containers`, seen));
  errors.push(...validateContainerList(s.initContainers, `${path}.initContainers`, seen));
  if (s.restartPolicy !== undefined && !RESTART_POLICIES.includes(String(s.restartPolicy))) {
    errors.push(notSupported(`${path}.restartPolicy`, s.restartPolicy, RESTART_POLICIES));
  }
  return errors;
}
