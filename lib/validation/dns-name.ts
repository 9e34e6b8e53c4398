// Name validators for user input, as field errors and as zod schemas (k8s.io/apimachinery validation rules:
// Namespace and most generated names are DNS-1123 labels). The checks themselves live in lib/names/dns.ts.
import { z } from "zod";
import { isDnsLabel } from "@/lib/names/dns";
import { quoted } from "./bounded-text";
import type { FieldError } from "./field-error";

/** Why `value` is not a DNS-1123 label, in words a person can fix; undefined when it is one. */
export function dnsLabelProblem(value: string): string | undefined {
  if (value === "") return "is empty";
  if (value.length > 63) return `is ${value.length} characters long; the limit is 63`;
  if (value !== value.toLowerCase()) return "has upper-case letters; use lower case";
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) return "must start and end with a letter or digit";
  if (!isDnsLabel(value)) return "may contain only lower-case letters, digits and '-'";
  return undefined;
}

export function dnsLabelError(field: string, value: string, what: string): FieldError | undefined {
  const problem = dnsLabelProblem(value);
  return problem === undefined ? undefined : { field, message: `${what} ${quoted(value)} ${problem} (a DNS-1123 label such as eastwest-gateway).` };
}

/** A zod string that must be a DNS-1123 label; `what` names it in the message ("gateway name"). */
export function dnsLabelSchema(what: string) {
  return z.string({ error: `${what} is required` }).superRefine((value, ctx) => {
    const problem = dnsLabelProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: `${what} ${quoted(value)} ${problem} (a DNS-1123 label such as eastwest-gateway).` });
  });
}
