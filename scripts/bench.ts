// `npm run bench -- [options]`: times every list, queue, dashboard and detail page
// and the JSON route of a production server, signed in as each role, beside the
// bare SQL that reads the same rows and the server's floor (the sign-in page).
//
//   npm run build && npm run bench                       the database at DATABASE_URL
//                                                         (or .data/) as it is
//   npm run bench -- --sizes 1000,10000,100000            a fresh database in
//                                                         .data/bench, seeded to each size
//   npm run bench -- --url http://localhost:3000          a server already running
//                                                         (DATABASE_URL for the bare SQL)
// Options: --port (E2E_PORT + 5, or 3460), --data-dir DIR, --requests 40 (sequential, per page),
// --concurrent 100 (requests at --concurrency 10), --quick (fewer requests),
// --check-slope (exit 1 when a page grows more than --max-growth, default 3x,
// from the first size to the last), --json FILE.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { encodeCursor } from "../lib/pagination";
import { localAuthSecret } from "./db/auth-secret";
import { prepareDatabase } from "./db/prepare";
import { seedScale } from "./seed-scale";
import { signIn, startServer, type Session } from "./server";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    // Beside the browser tests' server when E2E_PORT is set, so parallel runs don't collide.
    port: { type: "string", default: String(Number(process.env.E2E_PORT ?? 3455) + 5) },
    "data-dir": { type: "string" },
    sizes: { type: "string" },
    requests: { type: "string" },
    concurrent: { type: "string" },
    concurrency: { type: "string", default: "10" },
    quick: { type: "boolean", default: false },
    "check-slope": { type: "boolean", default: false },
    "max-growth": { type: "string", default: "3" },
    json: { type: "string" },
    "offset-pages": { type: "boolean", default: false },
  },
});
const SEQUENTIAL = Number(values.requests ?? (values.quick ? 12 : 40));
const CONCURRENT = Number(values.concurrent ?? (values.quick ? 10 : 100));
const CONCURRENCY = Number(values.concurrency);
const BUDGET_P95_MS = 100;

// ─── Timing ──────────────────────────────────────────────────────────────────

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

async function fetchPage(base: string, target: string, session: Session | null): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${target}`, { redirect: "manual", headers: session ? { cookie: session.cookie } : {} });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${target} answered ${response.status}`);
  return performance.now() - started;
}

async function timeHttp(base: string, target: string, session: Session | null) {
  for (let i = 0; i < 3; i++) await fetchPage(base, target, session);
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) times.push(await fetchPage(base, target, session));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < CONCURRENT) await fetchPage(base, target, session);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...stats(times), rps: CONCURRENT / seconds };
}

async function timeSql(client: pg.Client, statements: Sql[]) {
  const run = async () => {
    const started = performance.now();
    for (const [text, params] of statements) await client.query(text, params);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) times.push(await run());
  return stats(times);
}

// ─── The pages, and the bare SQL of the rows each one shows ──────────────────

type Sql = [string, unknown[]];
type Role = "public" | "member" | "reviewer" | "officer" | "admin";
type Page = { name: string; role: Role; path: string; sql: Sql[] };

const ACCOUNTS: Record<Exclude<Role, "public">, string> = {
  member: "member@atlas.example",
  reviewer: "reviewer@commerce.example",
  officer: "officer@exim.example",
  admin: "admin@portal.example",
};

const ROW = `p.id, p.reference, p.title, p.status, p."updatedAt", p."submittedAt", c.name`;
const COUNTRIES = `(SELECT string_agg(co.name, ', ') FROM "ProposalCountry" pc JOIN "Country" co ON co.code = pc."countryCode" WHERE pc."proposalId" = p.id)`;
const MEMBER_SCOPE = `p."consortiumId" IN (SELECT "consortiumId" FROM "ConsortiumUser" WHERE "userId" = $1)`;
// The cap position: the running balance kept with each draw (the ledger stays the record).
const CAP = `SELECT "ledgerSumCents", "entryCount" FROM "ExposureCapBalance" WHERE id = 1`;
const SETTINGS = `SELECT key, value FROM "Setting"`;

/** The proposal page's rows: the proposal, its package, licenses, financing and history. */
function proposalSql(id: string): Sql[] {
  return [
    [`SELECT p.*, c.name FROM "Proposal" p JOIN "Consortium" c ON c.id = p."consortiumId" WHERE p.id = $1`, [id]],
    [`SELECT * FROM "LineItem" WHERE "proposalId" = $1 ORDER BY layer, position, "createdAt"`, [id]],
    [`SELECT pc.*, co.* FROM "ProposalCountry" pc JOIN "Country" co ON co.code = pc."countryCode" WHERE pc."proposalId" = $1`, [id]],
    [`SELECT r.*, (SELECT count(*) FROM "LicenseRequestItem" i WHERE i."licenseRequestId" = r.id) FROM "LicenseRequest" r WHERE r."proposalId" = $1`, [id]],
    [`SELECT f.*, d.* FROM "FinancingRequest" f LEFT JOIN "FinancingDecision" d ON d."financingRequestId" = f.id WHERE f."proposalId" = $1`, [id]],
    [`SELECT a.*, u.name FROM "AuditEvent" a LEFT JOIN "User" u ON u.id = a."actorId" WHERE a."proposalId" = $1 ORDER BY a."occurredAt" DESC, a.id DESC LIMIT 200`, [id]],
    [SETTINGS, []],
  ];
}

async function pagesFor(client: pg.Client): Promise<Page[]> {
  const one = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0] as T;
  const memberId = (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.member])).id;
  // Deep pages: a cursor in the middle of each list.
  const middle = async (table: string, where: string, key: string, order: string, params: unknown[] = []) => {
    const count = Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "${table}" p WHERE ${where}`, params)).n);
    const row = await one<{ id: string; key: Date } | undefined>(`SELECT p.id, p."${key}" AS key FROM "${table}" p WHERE ${where} ORDER BY p."${key}" ${order}, p.id OFFSET $${params.length + 1} LIMIT 1`, [...params, Math.floor(count / 2)]);
    // --offset-pages: the same middle page as ?page=N, for servers that page by OFFSET.
    if (values["offset-pages"]) return `page=${Math.max(1, Math.floor(count / 2 / 20))}`;
    return row ? `after=${encodeCursor(row.key, row.id)}` : "";
  };
  const proposalsDeep = await middle("Proposal", `p."submittedAt" IS NOT NULL`, "updatedAt", "DESC");
  const memberDeep = await middle("Proposal", MEMBER_SCOPE, "updatedAt", "DESC", [memberId]);
  const licensingDeep = await middle("LicenseRequest", `p.status = 'PENDING'`, "dueAt", "ASC");
  const publishedDeep = await middle("Proposal", `p."publishedAt" IS NOT NULL`, "publishedAt", "DESC");
  const memberDraft = await one<{ id: string }>(`SELECT p.id FROM "Proposal" p WHERE ${MEMBER_SCOPE} AND p.status = 'DRAFT' ORDER BY p."updatedAt" DESC LIMIT 1`, [memberId]);
  const submitted = await one<{ id: string }>(`SELECT p.id FROM "Proposal" p WHERE p.status = 'APPROVED' ORDER BY p."updatedAt" DESC LIMIT 1`);
  const license = await one<{ id: string }>(`SELECT id FROM "LicenseRequest" WHERE status = 'PENDING' ORDER BY "dueAt", id LIMIT 1`);
  const financing = await one<{ id: string }>(`SELECT id FROM "Proposal" WHERE status = 'IN_FINANCING_REVIEW' ORDER BY "submittedAt", id LIMIT 1`);

  // Newer pages: notifications, submitted versions, the builder's steps, the administrator's.
  const reviewerId = (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.reviewer])).id;
  const resubmitted = await one<{ id: string } | undefined>(`SELECT "proposalId" AS id FROM "ProposalSubmission" WHERE number = 2 ORDER BY "submittedAt" DESC, id LIMIT 1`);
  const noticeCount = Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Notification" WHERE "userId" = $1`, [reviewerId])).n);
  const noticeMiddle = await one<{ id: string; createdAt: Date } | undefined>(
    `SELECT id, "createdAt" FROM "Notification" WHERE "userId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET $2 LIMIT 1`,
    [reviewerId, Math.floor(noticeCount / 2)],
  );
  const notifications = (userId: string, after: { id: string; createdAt: Date } | undefined): Sql[] => [
    [
      `SELECT id, kind, title, body, link, "readAt", "createdAt" FROM "Notification" WHERE "userId" = $1${after ? ` AND ("createdAt", id) < ($2, $3)` : ""} ORDER BY "createdAt" DESC, id DESC LIMIT 21`,
      after ? [userId, after.createdAt, after.id] : [userId],
    ],
    [`SELECT count(*) FROM (SELECT 1 FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL LIMIT 100) unread`, [userId]],
  ];
  const stepSql = (id: string, ...more: Sql[]): Sql[] => [
    [`SELECT p.*, c.name FROM "Proposal" p JOIN "Consortium" c ON c.id = p."consortiumId" WHERE p.id = $1`, [id]],
    [`SELECT * FROM "ProposalCountry" pc JOIN "Country" co ON co.code = pc."countryCode" WHERE pc."proposalId" = $1`, [id]],
    ...more,
  ];
  const versionsOf = (id: string): Sql[] => [
    [`SELECT p.id, p.reference, p.title, p.status, p."consortiumId" FROM "Proposal" p WHERE p.id = $1`, [id]],
    [`SELECT id, number, "submittedAt", "submittedById" FROM "ProposalSubmission" WHERE "proposalId" = $1 ORDER BY number DESC LIMIT 21`, [id]],
    [`SELECT * FROM "RevisionRequest" WHERE "proposalId" = $1 ORDER BY "returnedAt" DESC, id DESC LIMIT 20`, [id]],
  ];
  const proposalList = (where: string, params: unknown[] = [], after = ""): Sql => [
    `SELECT ${ROW}, ${COUNTRIES} FROM "Proposal" p JOIN "Consortium" c ON c.id = p."consortiumId" WHERE ${where}${after} ORDER BY p."updatedAt" DESC, p.id LIMIT 21`,
    params,
  ];
  const cursorAt = (query: string) => {
    const raw = new URLSearchParams(query).get("after");
    if (!raw) return null;
    const [tagged, id] = JSON.parse(Buffer.from(raw, "base64url").toString()) as [{ d: string }, string];
    return { at: new Date(tagged.d), id };
  };
  const deep = cursorAt(proposalsDeep);
  const licenseQueue = (after: { at: Date; id: string } | null): Sql[] => [
    [
      `SELECT r.*, co.name, p.reference, p.title, c.name FROM "LicenseRequest" r JOIN "Country" co ON co.code = r."destinationCountryCode" JOIN "Proposal" p ON p.id = r."proposalId" JOIN "Consortium" c ON c.id = p."consortiumId"
       WHERE r.status = 'PENDING'${after ? ` AND (r."dueAt", r.id) > ($1, $2)` : ""} ORDER BY r."dueAt", r.id LIMIT 21`,
      after ? [after.at, after.id] : [],
    ],
    [`SELECT "licenseRequestId", count(*) FROM "LicenseRequestItem" WHERE "licenseRequestId" IN (SELECT id FROM "LicenseRequest" WHERE status = 'PENDING' ORDER BY "dueAt", id LIMIT 20) GROUP BY 1`, []],
  ];
  const financingRange = (status: string) =>
    `(SELECT ${ROW}, f."requestedAmountCents", (SELECT array_agg(status) FROM "LicenseRequest" r WHERE r."proposalId" = p.id) FROM "Proposal" p JOIN "Consortium" c ON c.id = p."consortiumId" LEFT JOIN "FinancingRequest" f ON f."proposalId" = p.id
     WHERE p.status = '${status}' ORDER BY p."submittedAt", p.id LIMIT 21)`;
  const financingQueue: Sql = [`${financingRange("IN_LICENSE_REVIEW")} UNION ALL ${financingRange("IN_FINANCING_REVIEW")} ORDER BY "submittedAt", id LIMIT 21`, []];
  const published = (after: string): Sql => [
    `SELECT ${ROW}, ${COUNTRIES}, d."approvedAmountCents" FROM "Proposal" p JOIN "Consortium" c ON c.id = p."consortiumId" LEFT JOIN "FinancingRequest" f ON f."proposalId" = p.id LEFT JOIN "FinancingDecision" d ON d."financingRequestId" = f.id AND d.outcome = 'APPROVED'
     WHERE p."publishedAt" IS NOT NULL${after} ORDER BY p."publishedAt" DESC, p.id LIMIT 21`,
    [],
  ];
  // The dashboards count up to a cap (lib/counts.ts): the same here.
  const capped = (query: string) => query.replace(/^SELECT count\(\*\) FROM (.*)$/s, "SELECT count(*) FROM (SELECT 1 FROM $1 LIMIT 10001) capped");
  const counts = (...queries: string[]): Sql[] => [...queries.map((q): Sql => [capped(q), []]), [CAP, []], [SETTINGS, []]];

  const pages: Page[] = [
    { name: "sign-in (floor)", role: "public", path: "/sign-in", sql: [["SELECT 1", []]] },
    { name: "published", role: "public", path: "/published", sql: [published("")] },
    { name: "published, middle page", role: "public", path: `/published?${publishedDeep}`, sql: [published("")] },
    {
      // The consortium home (lib/home/service.ts): the first page of proposals, what waits on the consortium, the latest activity.
      name: "dashboard",
      role: "member",
      path: "/dashboard",
      sql: [
        [`SELECT cu."seatRole", c.id, c.name FROM "ConsortiumUser" cu JOIN "Consortium" c ON c.id = cu."consortiumId" WHERE cu."userId" = $1`, [memberId]],
        proposalList(MEMBER_SCOPE, [memberId]),
        [`SELECT q.id, q.body, q."createdAt" FROM "Question" q WHERE q."consortiumId" IN (SELECT "consortiumId" FROM "ConsortiumUser" WHERE "userId" = $1) AND q.status = 'OPEN' ORDER BY q."createdAt", q.id LIMIT 5`, [memberId]],
        [`SELECT p.id FROM "Proposal" p WHERE ${MEMBER_SCOPE} AND p.status = 'RETURNED_FOR_REVISION' ORDER BY p."updatedAt" DESC, p.id LIMIT 5`, [memberId]],
        [
          `SELECT e.id, e.action, e."occurredAt" FROM "Proposal" p CROSS JOIN LATERAL (SELECT id, action, "occurredAt" FROM "AuditEvent" WHERE "proposalId" = p.id ORDER BY "occurredAt" DESC, id DESC LIMIT 8) e
           WHERE ${MEMBER_SCOPE} ORDER BY e."occurredAt" DESC, e.id DESC LIMIT 8`,
          [memberId],
        ],
      ],
    },
    { name: "proposals", role: "member", path: "/proposals", sql: [proposalList(MEMBER_SCOPE, [memberId])] },
    { name: "proposals, middle page", role: "member", path: `/proposals?${memberDeep}`, sql: [proposalList(MEMBER_SCOPE, [memberId])] },
    { name: "dashboard", role: "reviewer", path: "/dashboard", sql: counts(`SELECT count(*) FROM "Proposal" WHERE "submittedAt" IS NOT NULL`, `SELECT count(*) FROM "LicenseRequest" WHERE status = 'PENDING'`) },
    { name: "proposals", role: "reviewer", path: "/proposals", sql: [proposalList(`p."submittedAt" IS NOT NULL`)] },
    {
      name: "proposals, middle page",
      role: "reviewer",
      path: `/proposals?${proposalsDeep}`,
      sql: [proposalList(`p."submittedAt" IS NOT NULL`, deep ? [deep.at, deep.id] : [], deep ? ` AND p."updatedAt" <= $1 AND (p."updatedAt" < $1 OR p.id > $2)` : "")],
    },
    { name: "proposals by status", role: "reviewer", path: "/proposals?status=IN_LICENSE_REVIEW", sql: [proposalList(`p."submittedAt" IS NOT NULL AND p.status = 'IN_LICENSE_REVIEW'`)] },
    { name: "license queue", role: "reviewer", path: "/licensing", sql: licenseQueue(null) },
    { name: "license queue, middle page", role: "reviewer", path: `/licensing?${licensingDeep}`, sql: licenseQueue(cursorAt(licensingDeep)) },
    {
      name: "license queue, filtered",
      role: "reviewer",
      path: "/licensing?destination=AE&eccn=3A090&age=30&sort=oldest",
      sql: [
        [
          `SELECT r.* FROM "LicenseRequest" r WHERE r.status = 'PENDING' AND r."destinationCountryCode" = 'AE' AND r."registeredAt" <= now() - interval '30 days'
           AND EXISTS (SELECT 1 FROM "LicenseRequestItem" i JOIN "LineItem" l ON l.id = i."lineItemId" WHERE i."licenseRequestId" = r.id AND l."eccnBase" = '3A090')
           ORDER BY r."registeredAt", r.id LIMIT 21`,
          [],
        ],
      ],
    },
    ...(license ? [{ name: "license request", role: "reviewer" as const, path: `/licensing/${license.id}`, sql: [[`SELECT r.*, p.reference, p.title FROM "LicenseRequest" r JOIN "Proposal" p ON p.id = r."proposalId" WHERE r.id = $1`, [license.id]] as Sql, [`SELECT * FROM "LicenseRequestItem" i JOIN "LineItem" l ON l.id = i."lineItemId" WHERE i."licenseRequestId" = $1`, [license.id]] as Sql] }] : []),
    ...(submitted ? [{ name: "proposal", role: "reviewer" as const, path: `/proposals/${submitted.id}`, sql: proposalSql(submitted.id) }] : []),
    ...(submitted ? [{ name: "proposal JSON", role: "reviewer" as const, path: `/api/proposals/${submitted.id}`, sql: proposalSql(submitted.id).slice(0, 5) }] : []),
    { name: "dashboard", role: "officer", path: "/dashboard", sql: counts(`SELECT count(*) FROM "Proposal" WHERE "submittedAt" IS NOT NULL`, `SELECT count(*) FROM "Proposal" WHERE status IN ('IN_LICENSE_REVIEW', 'IN_FINANCING_REVIEW')`) },
    { name: "financing queue", role: "officer", path: "/financing", sql: [financingQueue] },
    ...(financing ? [{ name: "financing decision", role: "officer" as const, path: `/financing/${financing.id}`, sql: [...proposalSql(financing.id).slice(0, 5), [CAP, []] as Sql] }] : []),
    ...(memberDraft ? [{ name: "proposal (editable draft)", role: "member" as const, path: `/proposals/${memberDraft.id}`, sql: [...proposalSql(memberDraft.id), [`SELECT * FROM "Country" co LEFT JOIN "CountryGroupMembership" g ON g."countryCode" = co.code ORDER BY co.name`, []] as Sql] }] : []),
    { name: "notifications", role: "member", path: "/notifications", sql: notifications(memberId, undefined) },
    { name: "notifications", role: "reviewer", path: "/notifications", sql: notifications(reviewerId, undefined) },
    ...(noticeMiddle
      ? [{ name: "notifications, middle page", role: "reviewer" as const, path: `/notifications?after=${encodeCursor(noticeMiddle.createdAt, noticeMiddle.id)}`, sql: notifications(reviewerId, noticeMiddle) }]
      : []),
    {
      name: "license queue, with hits",
      role: "reviewer",
      path: "/licensing?hits=yes",
      sql: [
        [
          `SELECT r.* FROM "LicenseRequest" r WHERE r.status = 'PENDING' AND r."hasOpenScreeningHits" ORDER BY r."dueAt", r.id LIMIT 21`,
          [],
        ],
      ],
    },
    ...(resubmitted
      ? [
          { name: "versions", role: "reviewer" as const, path: `/proposals/${resubmitted.id}/versions`, sql: versionsOf(resubmitted.id) },
          { name: "version 1", role: "reviewer" as const, path: `/proposals/${resubmitted.id}/versions/1`, sql: [...versionsOf(resubmitted.id).slice(0, 1), [`SELECT snapshot FROM "ProposalSubmission" WHERE "proposalId" = $1 AND number = 1`, [resubmitted.id]] as Sql] },
          {
            name: "what changed, 1 to 2",
            role: "reviewer" as const,
            path: `/proposals/${resubmitted.id}/versions/compare?from=1&to=2`,
            sql: [...versionsOf(resubmitted.id).slice(0, 1), [`SELECT number, snapshot FROM "ProposalSubmission" WHERE "proposalId" = $1 AND number IN (1, 2)`, [resubmitted.id]] as Sql],
          },
        ]
      : []),
    ...(memberDraft
      ? [
          { name: "builder: package", role: "member" as const, path: `/proposals/${memberDraft.id}/package`, sql: stepSql(memberDraft.id, [`SELECT * FROM "LineItem" WHERE "proposalId" = $1 ORDER BY layer, position, "createdAt"`, [memberDraft.id]]) },
          { name: "builder: parties", role: "member" as const, path: `/proposals/${memberDraft.id}/parties`, sql: stepSql(memberDraft.id, [`SELECT * FROM "Party" WHERE "proposalId" = $1 ORDER BY role, "createdAt"`, [memberDraft.id]]) },
          {
            name: "builder: review",
            role: "member" as const,
            path: `/proposals/${memberDraft.id}/review`,
            sql: stepSql(
              memberDraft.id,
              [`SELECT * FROM "LineItem" WHERE "proposalId" = $1`, [memberDraft.id]],
              [`SELECT * FROM "Party" WHERE "proposalId" = $1`, [memberDraft.id]],
              [`SELECT * FROM "FinancingRequest" WHERE "proposalId" = $1`, [memberDraft.id]],
            ),
          },
        ]
      : []),
    {
      name: "export-control rules",
      role: "admin",
      path: "/admin/export-controls",
      sql: [
        [`SELECT * FROM "ExportControlRulesVersion" ORDER BY "effectiveFrom" DESC, number DESC LIMIT 21`, []],
        [`SELECT code, name FROM "Country" ORDER BY name`, []],
        [`SELECT * FROM "CountryGroup" ORDER BY code`, []],
      ],
    },
    { name: "people and access", role: "admin", path: "/admin/users", sql: [[`SELECT id, email, name, role, "totpEnrolledAt", "disabledAt" FROM "User" ORDER BY email LIMIT 21`, []]] },
    { name: "dashboard", role: "admin", path: "/dashboard", sql: counts(`SELECT count(*) FROM "Proposal" WHERE "submittedAt" IS NOT NULL`) },
    { name: "settings", role: "admin", path: "/admin/settings", sql: [[SETTINGS, []], [`SELECT * FROM "CountryGroup"`, []]] },
  ];
  return pages;
}

// ─── One measurement of every page at the database's current size ───────────

type Result = { size: number; page: string; role: Role; path: string; p50: number; p95: number; rps: number; sqlP50: number; sqlP95: number };

async function measure(base: string, databaseUrl: string, size: number): Promise<Result[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sessions = new Map<Role, Session | null>([["public", null]]);
    for (const [role, email] of Object.entries(ACCOUNTS)) sessions.set(role as Role, await signIn(base, email));
    const pages = await pagesFor(client);
    // A freshly started server compiles as it goes: warm every page up first.
    for (let round = 0; round < (values.quick ? 2 : 5); round++) for (const page of pages) await fetchPage(base, page.path, sessions.get(page.role)!);
    const results: Result[] = [];
    for (const page of pages) {
      const http = await timeHttp(base, page.path, sessions.get(page.role)!);
      const sql = await timeSql(client, page.sql);
      const result = { size, page: page.name, role: page.role, path: page.path.replace(/after=[^&]+/, "after=…"), ...http, sqlP50: sql.p50, sqlP95: sql.p95 };
      results.push(result);
      process.stdout.write(`  ${page.role.padEnd(8)} ${page.name.padEnd(28)} p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms\n`);
    }
    return results;
  } finally {
    await client.end();
  }
}

// ─── Reports ─────────────────────────────────────────────────────────────────

const ms = (n: number) => n.toFixed(1).padStart(7);

function printTable(results: Result[]) {
  const floor = results.find((r) => r.path === "/sign-in");
  console.log(`\n${"size".padStart(9)}  ${"role".padEnd(8)} ${"page".padEnd(28)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"req/s@" + CONCURRENCY}  ${"sql p50".padStart(7)} ${"sql p95".padStart(7)}  verdict`);
  for (const r of results) {
    const verdicts = [];
    if (r.p95 >= BUDGET_P95_MS) verdicts.push(`p95 >= ${BUDGET_P95_MS} ms`);
    if (floor && r !== floor && r.p95 > 2 * (r.sqlP95 + floor.p95)) verdicts.push("over 2x (sql + floor)");
    console.log(`${r.size.toLocaleString("en-US").padStart(9)}  ${r.role.padEnd(8)} ${r.page.padEnd(28)} ${ms(r.p50)} ${ms(r.p95)} ${r.rps.toFixed(0).padStart(8)}  ${ms(r.sqlP50)} ${ms(r.sqlP95)}  ${verdicts.length ? verdicts.join("; ") : "ok"}`);
  }
}

/** How each page's p50 grows from the first size to the others; the verdicts against the growth budgets. */
function printGrowth(all: Result[], sizes: number[]): string[] {
  const failures: string[] = [];
  const key = (r: Result) => `${r.role} ${r.page}`;
  const keys = [...new Set(all.map(key))];
  console.log(`\nGrowth of p50 (and p95) with the program's size:\n${"role page".padEnd(38)} ${sizes.map((s) => s.toLocaleString("en-US").padStart(16)).join("")}   last/first`);
  const maxGrowth = Number(values["max-growth"]);
  for (const k of keys) {
    const row = sizes.map((s) => all.find((r) => r.size === s && key(r) === k));
    const first = row[0];
    const last = row.at(-1);
    const growth = first && last ? last.p50 / first.p50 : NaN;
    // The same growth measured against the floor at each size: a machine that got
    // busier between the two sizes slows the floor too.
    const floorOf = (size: number) => all.find((r) => r.size === size && r.path === "/sign-in")?.p50 ?? NaN;
    const relative = first && last ? last.p50 / floorOf(last.size) / (first.p50 / floorOf(first.size)) : NaN;
    const cells = row.map((r) => (r ? `${r.p50.toFixed(1)} (${r.p95.toFixed(1)})`.padStart(16) : "—".padStart(16))).join("");
    const grows = growth > maxGrowth && !(relative <= maxGrowth);
    const verdict = grows ? `  GROWS ${growth.toFixed(2)}x (${relative.toFixed(2)}x against the floor)` : "";
    if (grows) failures.push(`${k}: p50 ${first!.p50.toFixed(1)} ms at ${sizes[0]} -> ${last!.p50.toFixed(1)} ms at ${sizes.at(-1)} (${growth.toFixed(2)}x)`);
    // The budget for a million proposals: within 1.5x of 100,000.
    const at100k = all.find((r) => r.size === 100_000 && key(r) === k);
    const at1m = all.find((r) => r.size === 1_000_000 && key(r) === k);
    const million = at100k && at1m ? (at1m.p95 / at100k.p95 > 1.5 ? `  1M over 1.5x of 100k` : `  1M within 1.5x of 100k`) : "";
    console.log(`${k.padEnd(38)} ${cells}   ${growth.toFixed(2)}x${verdict}${million}`);
  }
  return failures;
}

// ─── Running it ──────────────────────────────────────────────────────────────

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const all: Result[] = [];
  const sizes = values.sizes ? values.sizes.split(",").map((s) => Number(s.replace(/_/g, ""))) : [];
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!)) throw new Error("--sizes takes increasing whole numbers, e.g. 1000,10000,100000");

  if (values.url) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("With --url, set DATABASE_URL to the server's database for the bare SQL.");
    all.push(...(await measure(values.url.replace(/\/$/, ""), databaseUrl, await proposalCount(databaseUrl))));
  } else {
    if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
    const dataDir = path.resolve(values["data-dir"] ?? path.join(".data", sizes.length ? "bench" : "postgres"));
    if (sizes.length) {
      // Seeding to each size starts from an empty database of its own.
      const { rmSync } = await import("node:fs");
      rmSync(dataDir, { recursive: true, force: true });
    }
    // The demo's authenticator secrets are sealed with it while seeding, so the server gets the same one.
    process.env.AUTH_SECRET = localAuthSecret();
    const database = await prepareDatabase({ dataDir, seedDemo: true });
    const server = await startServer(database.url, Number(values.port), process.env.AUTH_SECRET, database.ownerUrl);
    try {
      if (!sizes.length) sizes.push(await proposalCount(database.url));
      for (const size of sizes) {
        const have = await proposalCount(database.url);
        if (size > have) await seedScale(database.ownerUrl, size - have, { seed: size });
        console.log(`\n${size.toLocaleString("en-US")} proposals:`);
        all.push(...(await measure(server.base, database.url, size)));
      }
    } finally {
      await server.stop();
      await database.stop();
    }
  }
  for (const size of sizes.length ? sizes : [...new Set(all.map((r) => r.size))]) printTable(all.filter((r) => r.size === size));
  const failures = sizes.length > 1 ? printGrowth(all, sizes) : [];
  if (values.json) writeFileSync(values.json, JSON.stringify(all, null, 2));
  if (values["check-slope"] && failures.length) {
    console.error(`\nPages that grow with the data:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
}

async function proposalCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM "Proposal"`)).rows[0].n);
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
