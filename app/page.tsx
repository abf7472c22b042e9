import Link from "next/link";
import { currentActor } from "@/lib/session";

export default async function HomePage() {
  const actor = await currentActor();
  return (
    <div className="max-w-3xl">
      <h1 className="text-4xl font-bold">American AI Exports Program</h1>
      <p className="mt-4 text-lg">
        Industry consortia file proposals to export full-stack American AI packages: chips and servers, data-center storage, cloud and networking,
        and the software on top. Commerce decides the export licenses; EXIM finances the approved packages.
      </p>
      <div className="mt-8 flex flex-wrap gap-4">
        {actor ? (
          <Link href="/dashboard" className="btn btn-primary">
            Go to your dashboard
          </Link>
        ) : (
          <Link href="/sign-in" className="btn btn-primary">
            Sign in
          </Link>
        )}
        <Link href="/published" className="btn btn-secondary">
          See approved packages
        </Link>
      </div>
    </div>
  );
}
