"use client";
// Shown when a page fails unexpectedly: says so plainly, keeps the user's way out.
import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl" role="alert">
      <h1 className="mb-4 text-3xl font-bold">Something went wrong</h1>
      <p className="mb-4">The page could not be shown. Nothing you submitted before this page was lost. Try again, or go back to your dashboard.</p>
      <div className="flex gap-4">
        <button type="button" className="btn btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/dashboard" className="btn btn-secondary">
          Go to your dashboard
        </Link>
      </div>
    </div>
  );
}
