import { CopyButton } from "./copy-button";

type Props = { label: string; text: string; maxHeight?: string; caption?: string; wrap?: boolean };

/** A named block of YAML or a shell command, scrollable, with a Copy button. `wrap` folds long command lines. */
export function CodeBlock({ label, text, maxHeight = "max-h-72", caption, wrap }: Props) {
  return (
    <figure aria-label={label} className="overflow-hidden rounded-lg ring-1 ring-slate-200">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5">
        <span className="text-xs font-semibold text-slate-600">{caption ?? label}</span>
        <CopyButton text={text} what={label} />
      </figcaption>
      {/* Focusable so a keyboard can scroll a block longer or wider than its box. */}
      <pre tabIndex={0} className={`${maxHeight} overflow-auto bg-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 px-3 py-2.5 font-mono text-[12.5px] leading-relaxed text-slate-100 ${wrap ? "break-all whitespace-pre-wrap" : "whitespace-pre"}`}>
        {text}
      </pre>
    </figure>
  );
}
