import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppFrame } from "@/components/nav/app-frame";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Eastwest Console", template: "%s · Eastwest Console" },
  description: "Expose services across Kubernetes clusters through east-west gateways, and test failover.",
  // public/favicon.svg: a static file (served from the standalone image's public/ too).
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

/** Every page, the 404 and the error page included, renders inside the frame: header, main navigation, live state. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers>
          <AppFrame>{children}</AppFrame>
        </Providers>
      </body>
    </html>
  );
}
