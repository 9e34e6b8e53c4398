import type { FieldConflict } from "@/lib/manifests/conflicts";

/** Each conflicting field and the field manager that owns it. */
export function ConflictList({ conflicts }: { conflicts: readonly FieldConflict[] }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Field ownership conflicts">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Field</th>
          <th className="py-1 pr-3 font-medium">Owned by</th>
          <th className="py-1 font-medium">Written with</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {conflicts.map((c) => (
          <tr key={`${c.field}/${c.manager}`}>
            <td className="py-1 pr-3 font-mono text-xs break-all text-slate-900">{c.field}</td>
            <td className="py-1 pr-3 font-medium text-slate-900">{c.manager}</td>
            <td className="py-1 text-slate-600">{c.operation === "Apply" ? "server-side apply" : "an update (create, replace or patch)"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
