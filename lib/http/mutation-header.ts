/**
 * The header every state-changing request to the console carries (the browser's tRPC client sets it). A plain HTML
 * form or a no-CORS request from another site cannot set a custom header, and a cross-origin fetch that sets one
 * needs a CORS preflight the console never grants; so its presence, together with a same-origin Origin, shows the
 * request came from the console's own page.
 */
export const MUTATION_HEADER = "x-eastwest-csrf";
export const MUTATION_HEADER_VALUE = "1";
