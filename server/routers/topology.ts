// Router `topology`: filled in by its owner this session (see lib/topology/types.ts, lib/traffic/types.ts).
import { createTRPCRouter } from "@/server/trpc";

export const topologyRouter = createTRPCRouter({});
