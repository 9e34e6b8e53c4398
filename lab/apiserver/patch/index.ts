// The lab's patch and server-side apply engine: what a PATCH stores, and managedFields after any write.
export { computePatch } from "./compute-patch";
export { trackUpdate } from "./track-update";
export { serverSideApply } from "./apply";
export { checkApplyOptions } from "./patch-options";
