import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = {
  title: { default: "American AI Exports Program", template: "%s | American AI Exports Program" },
  description: "File, review and finance full-stack American AI export packages.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main-content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="mt-12 border-t border-[#dfe1e2] bg-white">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-[var(--color-muted)]">
            Export licensing by the Department of Commerce; financing by the Export-Import Bank of the United States.
          </div>
        </footer>
      </body>
    </html>
  );
}
