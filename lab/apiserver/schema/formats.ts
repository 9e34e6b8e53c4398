// The string formats apiextensions checks (the kube-openapi strfmt registry's common ones). An unknown format
// is not an error: upstream ignores formats it does not know.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$/;
const BYTE = /^[A-Za-z0-9+/]*={0,2}$/;

function validDate(text: string): boolean {
  return !Number.isNaN(Date.parse(text.replace(" ", "T")));
}

const CHECKS: Record<string, (value: string) => boolean> = {
  "date-time": (v) => DATE_TIME.test(v) && validDate(v),
  date: (v) => DATE.test(v) && validDate(`${v}T00:00:00Z`),
  uuid: (v) => UUID.test(v),
  ipv4: (v) => IPV4.test(v),
  hostname: (v) => HOSTNAME.test(v),
  byte: (v) => v.length % 4 === 0 && BYTE.test(v),
};

export function checkFormat(format: string, value: string): boolean {
  const check = CHECKS[format];
  return check ? check(value) : true;
}
