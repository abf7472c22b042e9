import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Page not found</h1>
      <p className="mb-4">
        There is no page at this address, or you don&apos;t have access to it. If you typed the address, check it is correct; if you followed a link,
        the record may belong to another consortium or may not have been submitted yet.
      </p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </div>
  );
}
