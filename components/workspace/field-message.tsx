import type { FieldError } from "@/lib/validation/field-error";
import { asSentence } from "@/lib/workspace-view/field-errors";

/** The server's messages for one field, shown under it; `id` is what the input's aria-describedby points at. */
export function FieldMessage({ id, errors }: { id: string; errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-rose-700">
      {errors.map((e) => asSentence(e.message)).join(" ")}
    </p>
  );
}
