import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/identity/users";
import { userListQuerySchema } from "@/lib/schemas/identity";
import { requirePageActor } from "@/lib/session";
import { ROLE_LABELS } from "@/lib/roles";

export const metadata: Metadata = { title: "People and access" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("users:manage", "/admin/users");
  const query = userListQuerySchema.parse(await searchParams);
  const { rows, nextCursor } = await listUsers(db(), actor, query);
  const next = nextCursor ? `/admin/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), after: nextCursor })}` : null;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">People and access</h1>
      <p className="mb-6">Change a person&apos;s role, disable an account, remove a lost authenticator app, or end someone&apos;s sessions.</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" role="search" aria-label="Find a person">
        <div>
          <label htmlFor="q" className="block font-semibold">
            Name or email
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ""} className="input w-72" />
        </div>
        <button type="submit" className="btn btn-secondary">
          Search
        </button>
      </form>
      <DataTable caption="Accounts" columns={["Person", "Role", "Authenticator app", "Access"]}>
        {rows.map((user) => (
          <tr key={user.id}>
            <td>
              <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
              <span className="block text-sm">{user.email}</span>
            </td>
            <td>{ROLE_LABELS[user.role]}</td>
            <td>{user.totpEnrolledAt ? "Set up" : "Not set up"}</td>
            <td>{user.disabledAt ? "Disabled" : "Can sign in"}</td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 ? <p className="mt-4">No accounts match.</p> : null}
      <nav aria-label="More accounts" className="mt-4 flex gap-4">
        {query.after ? <Link href={query.q ? `/admin/users?q=${encodeURIComponent(query.q)}` : "/admin/users"}>First page</Link> : null}
        {next ? <Link href={next}>Next accounts</Link> : null}
      </nav>
    </>
  );
}
