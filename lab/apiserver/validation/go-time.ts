// metav1.MicroTime's decoding (time.Parse with RFC3339Micro, "2006-01-02T15:04:05.000000Z07:00"), with Go's error
// text: `parsing time "x" as "<layout>": cannot parse "<rest>" as "<element>"`, or `…: month out of range`. The
// layout's fraction is fixed, so a value must carry exactly six fractional digits, as upstream requires.
export const RFC3339_MICRO = "2006-01-02T15:04:05.000000Z07:00";

type Element = { layout: string; pattern: RegExp; range?: [number, number, string] };

const ELEMENTS: Element[] = [
  { layout: "2006", pattern: /^\d{4}/ },
  { layout: "-", pattern: /^-/ },
  { layout: "01", pattern: /^\d{2}/, range: [1, 12, "month"] },
  { layout: "-", pattern: /^-/ },
  { layout: "02", pattern: /^\d{2}/, range: [1, 31, "day"] },
  { layout: "T", pattern: /^T/ },
  { layout: "15", pattern: /^\d{2}/, range: [0, 23, "hour"] },
  { layout: ":", pattern: /^:/ },
  { layout: "04", pattern: /^\d{2}/, range: [0, 59, "minute"] },
  { layout: ":", pattern: /^:/ },
  { layout: "05", pattern: /^\d{2}/, range: [0, 59, "second"] },
  { layout: ".000000", pattern: /^\.\d{6}/ },
  { layout: "Z07:00", pattern: /^(Z|[+-]\d{2}:\d{2})/ },
];

/** The parse error for `value`, or undefined when it is a valid MicroTime. */
export function microTimeError(value: string): string | undefined {
  let rest = value;
  const head = `parsing time ${JSON.stringify(value)}`;
  for (const element of ELEMENTS) {
    const match = element.pattern.exec(rest);
    if (!match) return `${head} as ${JSON.stringify(RFC3339_MICRO)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(element.layout)}`;
    if (element.range) {
      const n = Number(match[0]);
      if (n < element.range[0] || n > element.range[1]) return `${head}: ${element.range[2]} out of range`;
    }
    rest = rest.slice(match[0].length);
  }
  return rest ? `${head}: extra text: ${JSON.stringify(rest)}` : undefined;
}
