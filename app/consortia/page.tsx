import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { db } from "@/lib/db";
import { pageRequestParams } from "@/lib/pagination";
import { SEAT_ROLE_NAMES } from "@/lib/consortia/people";
import { myConsortia } from "@/lib/consortia/service";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Your consortia" };


export default async function ConsortiaPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string }> }) {
  const actor = await requirePageActor("consortium:read", "/consortia");
  const list = await myConsortia(db(), actor, pageRequestParams(await searchParams));
  const consortia = list.rows;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Your consortia</h1>
      <p className="mb-6">The consortia you work in, their member organizations and the people in them.</p>
      <p className="mb-6">
        <Link href="/consortia/new" className="btn btn-primary inline-block no-underline">
          Create a consortium
        </Link>
      </p>
      {consortia.length === 0 ? (
        <p>You are not in a consortium yet. Create one, or ask a consortium&apos;s lead to invite you.</p>
      ) : (
        <DataTable caption="Your consortia" columns={["Consortium", "Your role", "Members", "Proposals"]}>
          {consortia.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/consortia/${c.id}`}>{c.name}</Link>
              </td>
              <td>{c.users[0] ? SEAT_ROLE_NAMES[c.users[0].seatRole] : "—"}</td>
              <td>{c._count.memberships}</td>
              <td>{c._count.proposals}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination next={list.next} previous={list.previous} basePath="/consortia" />
    </>
  );
}
