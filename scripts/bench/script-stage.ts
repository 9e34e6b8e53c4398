// Benchmarks owned by other roles (previews-inproc.ts: the lead's; auth-latency.ts: auth-core's; lab-memory.ts:
// lab-wire's) are called as they are, each in a child process with its own flags: every "label: value" line it
// prints becomes a row of the suite's table (table borders and progress lines are left out), the raw output goes
// to the JSON. The child's exit code decides the stage's success.
import { spawn } from "node:child_process";
import type { Row } from "./figures";
import { rowOf, type StageResult } from "./suite-types";

/**
 * Lines that carry a figure: "label: value", or "label   p50 …" (a padded name before its percentiles, made
 * "label: p50 …"); not a table border, a progress line ("bench: …") or a child's prefixed log ("[lab] …").
 */
export function figureLines(output: string): string[] {
  return output
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => !/^\s*[+|]/.test(l) && !/^bench: /.test(l) && !/^\[/.test(l))
    .map((l) => (l.includes(": ") ? l : l.replace(/^(\S.*?)\s{2,}(p50 .*)$/, "$1: $2")))
    .filter((l) => /\S: \S/.test(l));
}

/** Table rows ("| figure | value | note") a child printed with scripts/bench/figures.ts printTable, as rows. */
export function tableRows(output: string, label: string): Row[] {
  return output
    .split("\n")
    .filter((l) => /^\| .* \| .* \|/.test(l) && !/^\| figure\s+\| value\s+\|/.test(l))
    .map((l) => {
      const [, figure = "", value = ""] = l.split("|").map((c) => c.trim());
      const note = l.slice(l.lastIndexOf("|") + 1).trim();
      return { figure: `${label}: ${figure}`, value, ...(note ? { note } : {}) };
    });
}

export function runScriptStage(label: string, script: string, args: string[], timeoutMs: number): Promise<StageResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { stdio: ["ignore", "pipe", "inherit"], detached: true });
    let out = "";
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid ?? 0), "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      reject(new Error(`${script} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${script} exited with code ${code}`));
      const table = tableRows(out, label);
      const rows = table.length > 0 ? table : figureLines(out).map((l) => rowOf(l, label));
      resolve({ rows, figures: { command: `${script} ${args.join(" ")}`, output: out } });
    });
  });
}
