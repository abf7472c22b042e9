import Link from "next/link";

/**
 * Previous / next links of a keyset-paginated list, keeping the other query
 * parameters. Lists show no page numbers and no total: counting the whole scope
 * on every view is what made them slow (docs/decisions/0020).
 */
export function Pagination({ next, previous, basePath, params = {} }: { next: string | null; previous: string | null; basePath: string; params?: Record<string, string | undefined> }) {
  if (!next && !previous) return null;
  const href = (cursor: Record<string, string>) => {
    const query = new URLSearchParams(Object.entries({ ...params, ...cursor }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center gap-4">
      {previous ? (
        <Link href={href({ before: previous })} prefetch={false}>
          Previous page
        </Link>
      ) : null}
      {next ? (
        <Link href={href({ after: next })} prefetch={false}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
