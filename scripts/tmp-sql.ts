import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { licenseQueueWhere } from "../lib/licensing/service";
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.argv[2]! }), log: [{ emit: "event", level: "query" }] });
client.$on("query", (e) => console.log(e.query, e.params, e.duration + "ms"));
const actor = { userId: "x", role: "COMMERCE_REVIEWER", name: "r", email: "r" } as never;
const where = licenseQueueWhere(actor, { status: "PENDING", hits: "yes" } as never);
for (let i = 0; i < 3; i++) await client.licenseRequest.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 21, select: { id: true } });
await client.$disconnect();
