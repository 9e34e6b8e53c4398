// A refused action stays in the page, reachable by keyboard, with the reason next to it: aria-disabled (not
// `disabled`, which takes the button out of the tab order and hides why) and aria-describedby the note saying why.
import type { Ability } from "./abilities";

/** Tailwind: a refused button looks like a disabled one. */
export const REFUSED_LOOK = "aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

/**
 * The props of a button for `ability`: its own click when allowed; when refused, aria-disabled, described by the
 * reason's element, and a press does only `onRefused` (e.g. show the reason), never the action.
 */
export function gateProps(ability: Ability, reasonId: string, onClick: () => void, onRefused: () => void = () => undefined) {
  if (ability.allowed) return { onClick };
  return { onClick: onRefused, "aria-disabled": true as const, "aria-describedby": reasonId };
}
