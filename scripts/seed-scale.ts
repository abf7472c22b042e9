// `npm run db:seed:scale -- <proposals> [--data-dir DIR] [--seed N]`
//
// Loads a realistic program at scale with COPY: consortia with member
// organizations and people, proposals in every status with about eight line
// items each, target countries, license requests with their items and decisions,
// financing requests and decisions, draws on the exposure cap (kept within the
// cap's headroom) and the audit trail. Into the database the portal uses:
// DATABASE_URL, or the embedded server in .data/ (or --data-dir).
//
// Each run ADDS the given number of proposals on top of what is there (new
// consortia, new people, new proposals); it never changes or deletes a row. The
// whole load is one transaction: it lands completely or not at all.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { buildSnapshot } from "../lib/proposals/snapshot";
import { valueInForce, type DatedValue } from "../lib/settings";

// ─── Deterministic randomness ────────────────────────────────────────────────

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

// ─── What the program looks like ─────────────────────────────────────────────

type Status = "DRAFT" | "SUBMITTED" | "IN_LICENSE_REVIEW" | "IN_FINANCING_REVIEW" | "APPROVED" | "DECLINED" | "WITHDRAWN" | "RETURNED_FOR_REVISION";
const STATUS_WEIGHTS: Array<[Status, number]> = [
  ["DRAFT", 15],
  ["SUBMITTED", 1],
  ["IN_LICENSE_REVIEW", 20],
  ["IN_FINANCING_REVIEW", 14],
  ["APPROVED", 26],
  ["DECLINED", 8],
  ["WITHDRAWN", 8],
  ["RETURNED_FOR_REVISION", 8],
];
/** Destinations that need a license for advanced chips (D:1/D:4/D:5, not A:5/A:6), and some that don't. */
const LICENSED = ["AE", "SA", "QA", "KW", "BH", "OM", "EG", "JO"];
const UNLICENSED = ["SG", "JP", "KR", "TW", "MY", "ID", "TH", "PH", "IN", "AU", "GB", "DE", "FR", "BR", "MX", "IL", "CA", "PL"];
const LAYERS = ["HARDWARE", "STORAGE", "CLOUD_NETWORKING", "APPLICATION_SOFTWARE", "DATA_PIPELINES", "AI_MODELS", "SECURITY"] as const;
const ITEM_TEXT: Record<(typeof LAYERS)[number], [string, string | null][]> = {
  HARDWARE: [["8-GPU accelerator servers", "4A090.a"], ["Accelerator modules", "3A090.a"], ["Inference servers", "4A090.a"]],
  STORAGE: [["All-flash storage arrays", "5A992.c"], ["Object storage cluster", "5A992.c"]],
  CLOUD_NETWORKING: [["Managed cloud platform, 5 years", "5A992.c"], ["800G network fabric", "5A992.c"]],
  APPLICATION_SOFTWARE: [["Government service applications", "5D992.c"], ["Language assistant platform", "EAR99"]],
  DATA_PIPELINES: [["Data labeling pipeline", "EAR99"]],
  AI_MODELS: [["Licensed foundation model weights", "EAR99"]],
  SECURITY: [["Security operations platform", "5D992.c"]],
};
const WORDS = ["Sovereign", "National", "Regional", "Research", "Health", "Energy", "Finance", "Logistics", "Education", "Municipal"];
const PLACES: Record<string, string> = { AE: "Abu Dhabi", SA: "Riyadh", QA: "Doha", KW: "Kuwait City", BH: "Manama", OM: "Muscat", EG: "Cairo", JO: "Amman", SG: "Singapore", JP: "Osaka", KR: "Busan", TW: "Taichung", MY: "Johor", ID: "Jakarta", TH: "Bangkok", PH: "Manila", IN: "Hyderabad", AU: "Sydney", GB: "Manchester", DE: "Frankfurt", FR: "Marseille", BR: "São Paulo", MX: "Monterrey", IL: "Haifa", CA: "Montreal", PL: "Warsaw" };
const DAY = 86_400_000;

// ─── COPY text format ────────────────────────────────────────────────────────

type Cell = string | number | bigint | boolean | Date | null | undefined;
function cell(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
const line = (cells: Cell[]) => cells.map(cell).join("\t") + "\n";

async function copy(client: pg.PoolClient, table: string, columns: string[], rows: () => Generator<Cell[]>): Promise<number> {
  let count = 0;
  function* chunks() {
    let buffer = "";
    for (const row of rows()) {
      buffer += line(row);
      count++;
      if (buffer.length > 256_000) {
        yield buffer;
        buffer = "";
      }
    }
    if (buffer) yield buffer;
  }
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  return count;
}

// ─── The plan: one compact record per proposal; each table's rows derive from it ─

type Planned = {
  i: number;
  id: string;
  reference: string;
  consortium: number;
  status: Status;
  countries: string[];
  items: number;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  updatedAt: Date;
  financing: boolean;
  requestedCents: bigint;
  approvedCents: bigint;
};

export type ScaleSeedResult = { proposals: number; rows: Record<string, number>; seconds: number };

export async function seedScale(url: string, count: number, { seed = 2026, log = console.log }: { seed?: number; log?: (line: string) => void } = {}): Promise<ScaleSeedResult> {
  const started = Date.now();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    // A tag unique to this run keeps its ids and emails apart from every earlier run.
    const tag = `s${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const gov = await client.query<{ id: string; role: string }>(
      `SELECT DISTINCT ON (role) id, role FROM "User" WHERE role IN ('COMMERCE_REVIEWER', 'EXIM_OFFICER') AND "disabledAt" IS NULL ORDER BY role, "createdAt"`,
    );
    const reviewerId = gov.rows.find((r) => r.role === "COMMERCE_REVIEWER")?.id ?? `${tag}rev`;
    const officerId = gov.rows.find((r) => r.role === "EXIM_OFFICER")?.id ?? `${tag}off`;
    const now = new Date();
    const random = rng(seed ^ count);

    // The cap: this run's approvals draw at most half of today's headroom.
    const settings = await client.query<{ key: string; value: unknown }>(
      `SELECT key, value FROM "Setting" WHERE key IN ('exposureCap.statutoryLimitCents', 'exposureCap.drawnAtStartCents')`,
    );
    // A dated setting holds a schedule: the value in force today counts.
    const setting = (key: string) => {
      const value = settings.rows.find((r) => r.key === key)?.value ?? "0";
      const inForce = Array.isArray(value) ? valueInForce(value as Array<DatedValue<string>>, now.toISOString().slice(0, 10)) : value;
      return BigInt(String(inForce ?? "0"));
    };
    const ledger = await client.query<{ sum: string | null }>(`SELECT sum("amountCents")::text AS sum FROM "ExposureCapEntry"`);
    const headroom = setting("exposureCap.statutoryLimitCents") - setting("exposureCap.drawnAtStartCents") - BigInt(ledger.rows[0]?.sum ?? "0");
    if (headroom <= 0n) throw new Error("The exposure cap has no headroom left for approvals: nothing seeded.");

    // References come from the proposal sequence: reserve a block for this run.
    const seq = await client.query<{ first: string }>(`SELECT nextval('proposal_reference_seq')::text AS first`);
    const firstReference = Number(seq.rows[0]!.first);
    await client.query(`SELECT setval('proposal_reference_seq', $1::bigint)`, [firstReference + count]);

    const consortia = Math.max(2, Math.round(count / 200));
    const totalWeight = STATUS_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
    const plan: Planned[] = [];
    for (let i = 0; i < count; i++) {
      let roll = random.next() * totalWeight;
      const status = STATUS_WEIGHTS.find(([, w]) => (roll -= w) < 0)?.[0] ?? "DRAFT";
      const countries = [random.chance(0.55) ? random.pick(LICENSED) : random.pick(UNLICENSED)];
      if (random.chance(0.15)) {
        const second = random.pick([...LICENSED, ...UNLICENSED]);
        if (second !== countries[0]) countries.push(second);
      }
      // Every date lies in the past: the program has run for about two and a half years.
      const past = (ms: number) => new Date(Math.min(ms, now.getTime() - 3_600_000));
      const createdAt = past(now.getTime() - random.int(20, 900) * DAY - random.int(0, DAY));
      const submitted = status !== "DRAFT";
      const submittedAt = submitted ? past(createdAt.getTime() + random.int(3, 60) * DAY + random.int(0, DAY)) : null;
      const decided = status === "APPROVED" || status === "DECLINED";
      const decidedAt = decided ? past(submittedAt!.getTime() + random.int(20, 200) * DAY + random.int(0, DAY)) : null;
      const last = decidedAt ?? submittedAt ?? createdAt;
      const updatedAt = new Date(Math.min(now.getTime() - 1000, last.getTime() + random.int(0, 10) * DAY) + random.int(0, 999));
      const requestedCents = BigInt(random.int(20, 400)) * 1_000_000_00n;
      plan.push({
        i,
        id: `${tag}p${i.toString(36)}`,
        reference: `AIE-${now.getUTCFullYear()}-${String(firstReference + i).padStart(5, "0")}`,
        consortium: random.int(0, consortia - 1),
        status,
        countries,
        items: random.int(6, 10),
        createdAt,
        submittedAt,
        decidedAt,
        updatedAt,
        financing: submitted || random.chance(0.6),
        requestedCents,
        approvedCents: (requestedCents * 85n) / 100n,
      });
    }
    const approved = plan.filter((p) => p.status === "APPROVED");
    const perApproval = approved.length > 0 ? headroom / 2n / BigInt(approved.length) : 0n;
    for (const p of approved) if (p.approvedCents > perApproval) p.approvedCents = perApproval;
    if (approved.some((p) => p.approvedCents <= 0n)) throw new Error("The cap's headroom is too small for this many approvals.");

    // ── People and consortia ──
    const orgId = (c: number, k: number) => `${tag}o${c.toString(36)}_${k}`;
    const userId = (c: number, k: number) => `${tag}u${c.toString(36)}_${k}`;
    const consortiumId = (c: number) => `${tag}c${c.toString(36)}`;
    const consortiumName = (c: number) => `${WORDS[c % WORDS.length]} AI Consortium ${tag.slice(-4)}-${c}`;
    const missingGov: Array<[string, string]> = [
      ...(gov.rows.some((r) => r.role === "COMMERCE_REVIEWER") ? [] : [[reviewerId, "COMMERCE_REVIEWER"] as [string, string]]),
      ...(gov.rows.some((r) => r.role === "EXIM_OFFICER") ? [] : [[officerId, "EXIM_OFFICER"] as [string, string]]),
    ];
    rows.Organization = await copy(client, "Organization", ["id", "legalName", "countryOfIncorporationCode", "headquartersCountryCode", "createdAt", "updatedAt"], function* () {
      for (let c = 0; c < consortia; c++) {
        for (let k = 0; k < 3; k++) yield [orgId(c, k), `${WORDS[(c + k) % WORDS.length]} ${["Compute", "Storage", "Cloud"][k]} ${c} Inc.`, "US", "US", now, now];
      }
    });
    rows.User = await copy(client, "User", ["id", "email", "name", "passwordHash", "role", "organizationId", "createdAt", "updatedAt"], function* () {
      // Seeded people can't sign in: their hash is not a hash of anything.
      for (const [id, role] of missingGov) yield [id, `${id}@scale.example`, `Seeded ${role.toLowerCase()}`, "$argon2id$seeded-no-sign-in", role, null, now, now];
      for (let c = 0; c < consortia; c++) {
        for (let k = 0; k < 2; k++) yield [userId(c, k), `${userId(c, k)}@scale.example`, `Member ${c}.${k}`, "$argon2id$seeded-no-sign-in", "CONSORTIUM_MEMBER", orgId(c, 0), now, now];
      }
    });
    rows.Consortium = await copy(client, "Consortium", ["id", "name", "createdAt", "updatedAt"], function* () {
      for (let c = 0; c < consortia; c++) yield [consortiumId(c), consortiumName(c), now, now];
    });
    rows.ConsortiumMembership = await copy(client, "ConsortiumMembership", ["id", "consortiumId", "organizationId", "isAnchor", "layersSupplied", "joinedAt"], function* () {
      const layers = ["{HARDWARE,AI_MODELS}", "{STORAGE,DATA_PIPELINES}", "{CLOUD_NETWORKING,SECURITY,APPLICATION_SOFTWARE}"];
      for (let c = 0; c < consortia; c++) for (let k = 0; k < 3; k++) yield [`${tag}m${c.toString(36)}_${k}`, consortiumId(c), orgId(c, k), k === 0, layers[k], now];
    });
    rows.ConsortiumUser = await copy(client, "ConsortiumUser", ["id", "consortiumId", "userId", "seatRole", "createdAt"], function* () {
      for (let c = 0; c < consortia; c++) for (let k = 0; k < 2; k++) yield [`${tag}s${c.toString(36)}_${k}`, consortiumId(c), userId(c, k), k === 0 ? "LEAD" : "CONTRIBUTOR", now];
    });
    // The demo consortium member also leads this run's first consortium, so member
    // pages can be measured on a consortium with a realistic number of proposals.
    await client.query(
      `INSERT INTO "ConsortiumUser" (id, "consortiumId", "userId", "seatRole") SELECT $1, $2, id, 'LEAD' FROM "User" WHERE email = 'member@atlas.example'`,
      [`${tag}sdemo`, consortiumId(0)],
    );

    // ── Proposals and their package ──
    const creator = (p: Planned) => userId(p.consortium, p.i % 2);
    const lineItemId = (p: Planned, j: number) => `${p.id}_l${j}`;
    const layerOf = (j: number) => LAYERS[j < 4 ? j : 4 + ((j - 4) % 3)]!;
    rows.Proposal = await copy(
      client,
      "Proposal",
      ["id", "reference", "consortiumId", "title", "summary", "status", "version", "securityPlan", "complianceStatement", "createdById", "submittedAt", "decidedAt", "publishedAt", "createdAt", "updatedAt"],
      function* () {
        for (const p of plan) {
          const place = PLACES[p.countries[0]!] ?? p.countries[0];
          yield [
            p.id,
            p.reference,
            consortiumId(p.consortium),
            `${WORDS[p.i % WORDS.length]} AI compute campus, ${place}`,
            `A full-stack AI package for ${place}: accelerator servers, storage, managed cloud and networking, and applications.`,
            p.status,
            p.items + 2,
            p.status === "DRAFT" ? null : "Physical and cyber security plan on file.",
            p.status === "DRAFT" ? null : "Export controls, end use and outbound investment rules acknowledged.",
            creator(p),
            p.submittedAt,
            p.decidedAt,
            p.status === "APPROVED" ? p.decidedAt : null,
            p.createdAt,
            p.updatedAt,
          ];
        }
      },
    );
    rows.ProposalCountry = await copy(client, "ProposalCountry", ["proposalId", "countryCode"], function* () {
      for (const p of plan) for (const code of p.countries) yield [p.id, code];
    });
    // One proposal's line items, the same on every call (the table and the submitted snapshot agree).
    const lineItemsOf = (p: Planned) => {
      const r = rng(seed + p.i);
      return Array.from({ length: p.items }, (_, j) => {
        const layer = layerOf(j);
        const [description, eccn] = r.pick(ITEM_TEXT[layer]);
        const hardware = layer === "HARDWARE";
        return {
          id: lineItemId(p, j),
          layer,
          description,
          supplier: Math.min(2, Math.floor(j / 2)),
          manufacturer: hardware ? "Atlas Compute Systems" : null,
          model: hardware ? `AX-${r.int(1000, 9999)}` : null,
          quantity: hardware ? r.int(50, 2000) : r.int(1, 40),
          unitPriceCents: BigInt(r.int(10_000, 5_000_000)) * 100n,
          usContentBasisPoints: r.int(5500, 9500),
          eccn,
          totalProcessingPerformance: hardware ? r.int(4800, 20_000) : null,
          performanceDensity: hardware ? (r.int(600, 1500) / 100).toFixed(2) : null,
          designedForDataCenter: hardware ? true : null,
          position: j < 4 ? 0 : Math.floor((j - 4) / 3),
        };
      });
    };
    rows.LineItem = await copy(
      client,
      "LineItem",
      ["id", "proposalId", "layer", "description", "supplierOrganizationId", "manufacturer", "model", "quantity", "unitPriceCents", "currency", "usContentBasisPoints", "eccn", "eccnBase", "totalProcessingPerformance", "performanceDensity", "designedForDataCenter", "position", "createdAt", "updatedAt"],
      function* () {
        for (const p of plan) {
          for (const item of lineItemsOf(p)) {
            yield [
              item.id,
              p.id,
              item.layer,
              item.description,
              orgId(p.consortium, item.supplier),
              item.manufacturer,
              item.model,
              item.quantity,
              item.unitPriceCents,
              "USD",
              item.usContentBasisPoints,
              item.eccn,
              item.eccn ? item.eccn.split(".")[0] : null,
              item.totalProcessingPerformance,
              item.performanceDensity,
              item.designedForDataCenter,
              item.position,
              p.createdAt,
              p.createdAt,
            ];
          }
        }
      },
    );

    // ── Parties: who buys, receives and uses the package, and who builds, owns and runs the data center ──
    const countryNames = new Map(
      (await client.query<{ code: string; name: string }>(`SELECT code, name FROM "Country"`)).rows.map((c) => [c.code, c.name]),
    );
    const PARTY_ROLES = ["PURCHASER", "ULTIMATE_CONSIGNEE", "END_USER", "DATA_CENTER_BUILDER", "DATA_CENTER_OWNER", "DATA_CENTER_OPERATOR"] as const;
    const PARTY_NAMES: Record<(typeof PARTY_ROLES)[number], string> = {
      PURCHASER: "Ministry of Digital Economy",
      ULTIMATE_CONSIGNEE: "National Compute Authority",
      END_USER: "National AI Research Center",
      DATA_CENTER_BUILDER: "Gulf Data Center Builders",
      DATA_CENTER_OWNER: "Sovereign Compute Holdings",
      DATA_CENTER_OPERATOR: "Regional Cloud Operations",
    };
    // A draft has named some of its parties; a submitted proposal all of them.
    const partiesOf = (p: Planned) =>
      PARTY_ROLES.slice(0, p.submittedAt ? PARTY_ROLES.length : 3).map((role, k) => {
        const country = p.countries[0]!;
        return {
          id: `${p.id}_y${k}`,
          role,
          name: `${PARTY_NAMES[role]} ${PLACES[country] ?? country} ${p.i}`,
          address: `${100 + (p.i % 800)} Corniche Road, ${PLACES[country] ?? country}`,
          countryCode: country,
          headquartersCountryCode: country,
          parentName: null,
          parentCountryCode: null,
        };
      });
    rows.Party = await copy(
      client,
      "Party",
      ["id", "proposalId", "role", "name", "countryCode", "address", "headquartersCountryCode", "parentName", "parentCountryCode", "specificEndUse", "createdAt", "updatedAt"],
      function* () {
        for (const p of plan) {
          for (const party of partiesOf(p)) {
            yield [party.id, p.id, party.role, party.name, party.countryCode, party.address, party.headquartersCountryCode, party.parentName, party.parentCountryCode, party.role === "END_USER" ? "Training and serving national language models." : null, p.createdAt, p.createdAt];
          }
        }
      },
    );
    // Screened at submission: the buyer, consignee and end user. A few proposals under
    // license review have a possible match no reviewer has looked at yet; a few decided ones a cleared one.
    const screeningOutcome = (p: Planned) => (p.i % 97 === 0 ? (p.status === "IN_LICENSE_REVIEW" ? "POSSIBLE_MATCH" : p.decidedAt ? "CLEARED" : "NO_MATCH") : "NO_MATCH");
    rows.ScreeningResult = await copy(
      client,
      "ScreeningResult",
      ["id", "proposalId", "partyId", "subjectKind", "listVersion", "query", "topScore", "outcome", "hits", "screenedAt", "reviewReason", "reviewedById", "reviewedAt"],
      function* () {
        for (const p of plan) {
          if (!p.submittedAt) continue;
          for (const party of partiesOf(p).slice(0, 3)) {
            const outcome = party.role === "END_USER" ? screeningOutcome(p) : "NO_MATCH";
            const hit = outcome !== "NO_MATCH";
            yield [
              `${party.id}_s`,
              p.id,
              party.id,
              party.role.toLowerCase().replace(/_/g, " "),
              "seeded list (20,000 entries)",
              party.name,
              hit ? 86 : 41,
              outcome,
              hit ? JSON.stringify([{ entryId: `seeded-${p.i}`, source: "Entity List (EL) - Bureau of Industry and Security", entryName: party.name.toUpperCase(), matchedName: party.name, score: 86 }]) : "[]",
              p.submittedAt,
              outcome === "CLEARED" ? "Different registration number and address from the listed entity." : null,
              outcome === "CLEARED" ? reviewerId : null,
              outcome === "CLEARED" ? new Date(p.submittedAt.getTime() + 2 * DAY) : null,
            ];
          }
        }
      },
    );

    // ── Submissions: the frozen snapshot reviewers read. Some approved packages were
    // returned once and resubmitted with a changed quantity, so they have two. ──
    const returnedOnce = (p: Planned) => p.status === "APPROVED" && p.i % 10 === 0;
    const snapshotOf = (p: Planned, revised: boolean) =>
      buildSnapshot({
        reference: p.reference,
        title: `${WORDS[p.i % WORDS.length]} AI compute campus, ${PLACES[p.countries[0]!] ?? p.countries[0]}`,
        summary: `A full-stack AI package for ${PLACES[p.countries[0]!] ?? p.countries[0]}: accelerator servers, storage, managed cloud and networking, and applications.`,
        specificEndUse: "Training and serving national language models.",
        securityPlan: "Physical and cyber security plan on file.",
        complianceStatement: "Export controls, end use and outbound investment rules acknowledged.",
        consortium: { name: consortiumName(p.consortium) },
        targetCountries: p.countries.map((code) => ({ countryCode: code, country: { name: countryNames.get(code) ?? code } })),
        lineItems: lineItemsOf(p).map((item, j) => ({
          ...item,
          quantity: revised && j === 0 ? item.quantity + 100 : item.quantity,
          supplier: { legalName: `${WORDS[(p.consortium + item.supplier) % WORDS.length]} ${["Compute", "Storage", "Cloud"][item.supplier]} ${p.consortium} Inc.` },
        })),
        parties: partiesOf(p).map((party) => ({ ...party, country: { name: countryNames.get(party.countryCode) ?? party.countryCode }, headquartersCountry: { name: countryNames.get(party.countryCode) ?? party.countryCode } })),
        financingRequest: p.financing
          ? { product: (["LOAN_GUARANTEE", "DIRECT_LOAN", "EXPORT_CREDIT_INSURANCE"] as const)[p.i % 3]!, requestedAmountCents: p.requestedCents, eligibleForeignContentCents: 0n, localCostsCents: 0n, repaymentYears: 5 + (p.i % 14), obligorSector: (["SOVEREIGN", "PUBLIC_NON_SOVEREIGN", "PRIVATE"] as const)[p.i % 3]! }
          : null,
      });
    rows.ProposalSubmission = await copy(client, "ProposalSubmission", ["id", "proposalId", "version", "number", "snapshot", "submittedAt", "submittedById"], function* () {
      for (const p of plan) {
        if (!p.submittedAt) continue;
        if (returnedOnce(p)) {
          yield [`${p.id}_v1`, p.id, p.items, 1, JSON.stringify(snapshotOf(p, false)), new Date(p.submittedAt.getTime() - 14 * DAY), creator(p)];
          yield [`${p.id}_v2`, p.id, p.items + 2, 2, JSON.stringify(snapshotOf(p, true)), p.submittedAt, creator(p)];
        } else {
          yield [`${p.id}_v1`, p.id, p.items + 2, 1, JSON.stringify(snapshotOf(p, false)), p.submittedAt, creator(p)];
        }
      }
    });
    rows.RevisionRequest = await copy(client, "RevisionRequest", ["id", "proposalId", "submissionNumber", "reason", "returnedById", "returnedByRole", "returnedAt"], function* () {
      for (const p of plan) {
        if (p.status === "RETURNED_FOR_REVISION") yield [`${p.id}_rv`, p.id, 1, "Name the data center's operator and give the end user's registration number.", officerId, "EXIM_OFFICER", p.updatedAt];
        else if (returnedOnce(p)) yield [`${p.id}_rv`, p.id, 1, "Confirm the accelerator quantity against the site's power budget.", reviewerId, "COMMERCE_REVIEWER", new Date(p.submittedAt!.getTime() - 7 * DAY)];
      }
    });

    // ── Questions and answers, and the notifications they sent ──
    const demoMember = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'member@atlas.example'`)).rows[0]?.id;
    type QuestionRow = { id: string; p: Planned; side: "COMMERCE" | "EXIM"; askedBy: string; askedAt: Date; answeredAt: Date | null };
    const questions: QuestionRow[] = [];
    for (const p of plan) {
      if (!p.submittedAt || p.i % 4 !== 0) continue;
      const commerce = p.countries.some((c) => LICENSED.includes(c));
      // Proposals still under review sometimes wait on the consortium's answer.
      const open = (p.status === "IN_LICENSE_REVIEW" || p.status === "IN_FINANCING_REVIEW") && p.i % 8 === 0;
      const askedAt = new Date(p.submittedAt.getTime() + 5 * DAY);
      if (askedAt.getTime() > now.getTime() - DAY) continue;
      questions.push({ id: `${p.id}_q`, p, side: commerce ? "COMMERCE" : "EXIM", askedBy: commerce ? reviewerId : officerId, askedAt, answeredAt: open ? null : new Date(askedAt.getTime() + 2 * DAY) });
    }
    const QUESTION = "Please confirm the end user's registration number and the data center's street address.";
    const ANSWER = "The end user's registration number and the site's address are in the attached letter from the ministry.";
    rows.Question = await copy(client, "Question", ["id", "proposalId", "consortiumId", "askedById", "side", "body", "status", "createdAt", "answeredAt"], function* () {
      for (const q of questions) yield [q.id, q.p.id, consortiumId(q.p.consortium), q.askedBy, q.side, QUESTION, q.answeredAt ? "ANSWERED" : "OPEN", q.askedAt, q.answeredAt];
    });
    rows.QuestionAnswer = await copy(client, "QuestionAnswer", ["id", "questionId", "proposalId", "authorId", "body", "createdAt"], function* () {
      for (const q of questions) if (q.answeredAt) yield [`${q.id}_a`, q.id, q.p.id, creator(q.p), ANSWER, q.answeredAt];
    });
    rows.Notification = await copy(client, "Notification", ["id", "userId", "proposalId", "kind", "title", "body", "link", "readAt", "createdAt"], function* () {
      for (const q of questions) {
        const agency = q.side === "COMMERCE" ? "Commerce" : "EXIM";
        const people = [userId(q.p.consortium, 0), userId(q.p.consortium, 1), ...(q.p.consortium === 0 && demoMember ? [demoMember] : [])];
        for (const [k, person] of people.entries()) {
          yield [`${q.id}_n${k}`, person, q.p.id, "question.asked", `${agency} asked a question about ${q.p.reference}`, QUESTION, `/proposals/${q.p.id}#questions`, q.answeredAt, q.askedAt];
        }
        // The asker hears of the answer; the older ones are read.
        if (q.answeredAt) {
          yield [`${q.id}_na`, q.askedBy, q.p.id, "question.answered", `The consortium answered your question about ${q.p.reference}`, ANSWER, `/proposals/${q.p.id}#questions`, q.p.i % 3 === 0 ? null : new Date(q.answeredAt.getTime() + DAY), q.answeredAt];
        }
      }
    });

    // ── Licensing: one request per destination that needs one, once submitted ──
    type LicenseRow = { id: string; p: Planned; country: string; status: string; decided: boolean };
    const licenses: LicenseRow[] = [];
    for (const p of plan) {
      if (!p.submittedAt) continue;
      for (const country of p.countries.filter((c) => LICENSED.includes(c))) {
        const status =
          p.status === "IN_LICENSE_REVIEW" || p.status === "SUBMITTED"
            ? "PENDING"
            : p.status === "DECLINED"
              ? p.i % 3 === 0
                ? "DENIED"
                : "APPROVED"
              : p.status === "WITHDRAWN" || p.status === "RETURNED_FOR_REVISION"
                ? "RETURNED_WITHOUT_ACTION"
                : p.i % 4 === 0
                  ? "APPROVED_WITH_CONDITIONS"
                  : "APPROVED";
        licenses.push({ id: `${p.id}_r${country}`, p, country, status, decided: status !== "PENDING" });
      }
    }
    const licenseDecidedAt = (l: LicenseRow) => new Date(Math.min(l.p.submittedAt!.getTime() + (10 + (l.p.i % 80)) * DAY, (l.p.decidedAt ?? l.p.updatedAt).getTime()));
    rows.LicenseRequest = await copy(
      client,
      "LicenseRequest",
      ["id", "proposalId", "destinationCountryCode", "status", "determinationReason", "registeredAt", "dueAt", "licenseNumber", "expiresAt", "createdAt", "updatedAt"],
      function* () {
        for (const l of licenses) {
          const granted = l.status === "APPROVED" || l.status === "APPROVED_WITH_CONDITIONS";
          const decidedAt = licenseDecidedAt(l);
          yield [
            l.id,
            l.p.id,
            l.country,
            l.status,
            `Advanced computing items (3A090/4A090) to ${l.country}, in a country group that needs a license.`,
            l.p.submittedAt,
            new Date(l.p.submittedAt!.getTime() + 90 * DAY),
            granted ? `D${l.id.toUpperCase()}` : null,
            granted ? new Date(decidedAt.getTime() + 4 * 365 * DAY) : null,
            l.p.submittedAt,
            l.decided ? decidedAt : l.p.submittedAt,
          ];
        }
      },
    );
    rows.LicenseRequestItem = await copy(client, "LicenseRequestItem", ["licenseRequestId", "lineItemId"], function* () {
      // The hardware layer's item is controlled.
      for (const l of licenses) yield [l.id, lineItemId(l.p, 0)];
    });
    rows.LicenseDecision = await copy(client, "LicenseDecision", ["id", "licenseRequestId", "outcome", "reason", "conditions", "decidedById", "decidedAt"], function* () {
      for (const l of licenses) {
        if (!l.decided) continue;
        yield [
          `${l.id}_d`,
          l.id,
          l.status,
          l.status === "DENIED" ? "End-use assurances insufficient." : "End user and end use verified.",
          l.status === "APPROVED_WITH_CONDITIONS" ? "Quarterly reporting; no remote access from countries of concern." : null,
          reviewerId,
          licenseDecidedAt(l),
        ];
      }
    });

    // ── Financing and the cap ──
    const financingStatus = (p: Planned) => (p.status === "APPROVED" ? "APPROVED" : p.status === "DECLINED" ? "DECLINED" : p.status === "WITHDRAWN" ? "WITHDRAWN" : "REQUESTED");
    rows.FinancingRequest = await copy(
      client,
      "FinancingRequest",
      ["id", "proposalId", "product", "requestedAmountCents", "eligibleForeignContentCents", "localCostsCents", "repaymentYears", "obligorSector", "stage", "status", "createdAt", "updatedAt"],
      function* () {
        for (const p of plan) {
          if (!p.financing) continue;
          yield [
            `${p.id}_f`,
            p.id,
            ["LOAN_GUARANTEE", "DIRECT_LOAN", "EXPORT_CREDIT_INSURANCE"][p.i % 3],
            p.requestedCents,
            0n,
            0n,
            5 + (p.i % 14),
            ["SOVEREIGN", "PUBLIC_NON_SOVEREIGN", "PRIVATE"][p.i % 3],
            // The last stage decided: final for approvals; under review, spread over none, letter of interest and preliminary commitment.
            p.status === "APPROVED"
              ? "FINAL_COMMITMENT"
              : p.status === "IN_FINANCING_REVIEW" || p.status === "IN_LICENSE_REVIEW"
                ? [null, "LETTER_OF_INTEREST", "PRELIMINARY_COMMITMENT"][p.i % 3]
                : null,
            financingStatus(p),
            p.createdAt,
            p.decidedAt ?? p.createdAt,
          ];
        }
      },
    );
    const decidedPlans = plan.filter((p) => p.financing && (p.status === "APPROVED" || p.status === "DECLINED"));
    rows.FinancingDecision = await copy(client, "FinancingDecision", ["id", "financingRequestId", "outcome", "approvedAmountCents", "reason", "decidedById", "decidedAt", "stage"], function* () {
      for (const p of decidedPlans) {
        const ok = p.status === "APPROVED";
        yield [`${p.id}_fd`, `${p.id}_f`, ok ? "APPROVED" : "DECLINED", ok ? p.approvedCents : null, ok ? "Sound credit; cover within program rules." : "Credit risk outside appetite.", officerId, p.decidedAt, ok ? "FINAL_COMMITMENT" : null];
      }
    });
    // Each ledger entry's trigger moves the one-row running balance. Row by row in one
    // transaction, every update walks the row's earlier versions (quadratic: an hour
    // for 235,000 draws), so the load moves the balance once, by the same sums,
    // under the same lock the trigger takes.
    await client.query(`SELECT pg_advisory_xact_lock(7301246455019883)`);
    await client.query(`ALTER TABLE "ExposureCapEntry" DISABLE TRIGGER "ExposureCapEntry_apply"`);
    rows.ExposureCapEntry = await copy(client, "ExposureCapEntry", ["kind", "amountCents", "proposalId", "financingDecisionId", "createdById", "note", "createdAt"], function* () {
      for (const p of approved) yield ["DRAW", p.approvedCents, p.id, `${p.id}_fd`, officerId, `Financing approved for ${p.reference}`, p.decidedAt];
    });
    await client.query(`ALTER TABLE "ExposureCapEntry" ENABLE TRIGGER "ExposureCapEntry_apply"`);
    await client.query(
      `UPDATE "ExposureCapBalance" SET "ledgerSumCents" = "ledgerSumCents" + $1::bigint, "entryCount" = "entryCount" + $2::bigint, "updatedAt" = now() WHERE id = 1`,
      [approved.reduce((sum, p) => sum + p.approvedCents, 0n).toString(), approved.length],
    );

    // ── The audit trail, as the services would have written it ──
    const licensesOf = new Map<string, LicenseRow[]>();
    for (const l of licenses) licensesOf.set(l.p.id, [...(licensesOf.get(l.p.id) ?? []), l]);
    rows.AuditEvent = await copy(client, "AuditEvent", ["occurredAt", "actorId", "actorRole", "action", "entityType", "entityId", "proposalId", "before", "after"], function* () {
      for (const p of plan) {
        const by = creator(p);
        const at = (offsetMs: number) => new Date(p.createdAt.getTime() + offsetMs);
        yield [p.createdAt, by, "CONSORTIUM_MEMBER", "proposal.created", "Proposal", p.id, p.id, null, `{"status":"DRAFT","reference":"${p.reference}"}`];
        for (let j = 0; j < p.items; j++) yield [at((j + 1) * 60_000), by, "CONSORTIUM_MEMBER", "proposal.lineItemAdded", "LineItem", lineItemId(p, j), p.id, null, `{"layer":"${layerOf(j)}"}`];
        if (p.financing) yield [at((p.items + 1) * 60_000), by, "CONSORTIUM_MEMBER", "proposal.financingRequested", "FinancingRequest", `${p.id}_f`, p.id, null, `{"requestedAmountCents":"${p.requestedCents}"}`];
        if (!p.submittedAt) continue;
        yield [p.submittedAt, by, "CONSORTIUM_MEMBER", "proposal.transitioned", "Proposal", p.id, p.id, `{"status":"DRAFT"}`, `{"status":"SUBMITTED","event":"submit"}`];
        const own = licensesOf.get(p.id) ?? [];
        for (const l of own) yield [p.submittedAt, null, "SYSTEM", "license.requested", "LicenseRequest", l.id, p.id, null, `{"destination":"${l.country}"}`];
        if (p.status === "SUBMITTED") continue;
        yield [p.submittedAt, null, "SYSTEM", "proposal.transitioned", "Proposal", p.id, p.id, `{"status":"SUBMITTED"}`, own.length ? `{"status":"IN_LICENSE_REVIEW","event":"beginLicenseReview"}` : `{"status":"IN_FINANCING_REVIEW","event":"beginFinancingReview"}`];
        for (const l of own) if (l.decided) yield [licenseDecidedAt(l), reviewerId, "COMMERCE_REVIEWER", "license.decided", "LicenseRequest", l.id, p.id, `{"status":"PENDING"}`, `{"status":"${l.status}"}`];
        if (p.status === "APPROVED" || p.status === "DECLINED") {
          yield [p.decidedAt, officerId, "EXIM_OFFICER", "financing.decided", "FinancingDecision", `${p.id}_fd`, p.id, null, `{"outcome":"${p.status === "APPROVED" ? "APPROVED" : "DECLINED"}"}`];
          yield [p.decidedAt, officerId, "EXIM_OFFICER", "proposal.transitioned", "Proposal", p.id, p.id, `{"status":"IN_FINANCING_REVIEW"}`, `{"status":"${p.status}","event":"${p.status === "APPROVED" ? "approve" : "decline"}"}`];
        } else if (p.status === "WITHDRAWN" || p.status === "RETURNED_FOR_REVISION") {
          yield [p.updatedAt, p.status === "WITHDRAWN" ? by : officerId, p.status === "WITHDRAWN" ? "CONSORTIUM_MEMBER" : "EXIM_OFFICER", "proposal.transitioned", "Proposal", p.id, p.id, null, `{"status":"${p.status}"}`];
        }
      }
    });

    await client.query("COMMIT");
    // Fresh statistics, so the planner sees the new volume at once.
    await client.query("ANALYZE");
    const seconds = (Date.now() - started) / 1000;
    log(`Seeded ${count.toLocaleString("en-US")} proposals in ${seconds.toFixed(1)} s: ${Object.entries(rows).map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`).join(", ")}.`);
    return { proposals: count, rows, seconds };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { "data-dir": { type: "string" }, seed: { type: "string", default: "2026" } } });
  const count = Number(positionals[0] ?? "100000");
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
    console.error("Usage: npm run db:seed:scale -- <proposals, 1 to 10,000,000> [--data-dir DIR] [--seed N]");
    process.exit(1);
  }
  const { existsSync } = await import("node:fs");
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { prepareDatabase } = await import("./db/prepare");
  // Demo data seeded here seals its authenticator secrets with the portal's own secret.
  const { localAuthSecret } = await import("./db/auth-secret");
  process.env.AUTH_SECRET = localAuthSecret();
  // Migrations, reference data and the demo accounts first, as `npm run dev` does.
  const database = await prepareDatabase({ dataDir: path.resolve(values["data-dir"] ?? path.join(".data", "postgres")), seedDemo: true });
  try {
    // Loading data in bulk is the owner's work, as migrations are: the portal's role may not reset sequences.
    await seedScale(database.ownerUrl, count, { seed: Number(values.seed) });
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
