"use client";

import { isServer, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { MUTATION_HEADER, MUTATION_HEADER_VALUE } from "@/lib/http/mutation-header";
import { makeQueryClient } from "@/lib/query-client";
import { MAX_BATCH_CALLS } from "@/lib/validation/limits";
import type { AppRouter } from "@/server/routers/app-router";
import { AbilitiesProvider } from "./auth/abilities-provider";
import { TRPCProvider } from "./trpc";
import "./zod-jitless";

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every render gets its own client; in the browser one survives suspense.
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

const url = "/api/trpc";
// The server refuses a POST without it (proxy.ts): only this page's own script can send a custom header.
const headers = { [MUTATION_HEADER]: MUTATION_HEADER_VALUE };

function makeTRPCClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Subscriptions ride server-sent events (GET, read-only: EventSource cannot set headers and needs none);
        // everything else is batched HTTP.
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url, transformer: superjson }),
        // maxItems: the server refuses larger batches (server/http/trpc-handler.ts), so the link splits first.
        false: httpBatchLink({ url, transformer: superjson, headers, maxItems: MAX_BATCH_CALLS }),
      }),
    ],
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(makeTRPCClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <AbilitiesProvider>
          {children}
        </AbilitiesProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
