// The public API's services on a real PostgreSQL: the determination with the
// countries and settings in force, and rate-limited screening.
import { createReadStream } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiProblem } from "@/lib/api/http";
import { determineForApi } from "@/lib/licensing/api";
import { determinationRequestSchema } from "@/lib/schemas/api";
import { importScreeningList } from "@/lib/screening/csl";
import { screenNamesForApi } from "@/lib/screening/service";
import { SAMPLE_SCREENING_LIST } from "@/prisma/seed/demo";
import { freshDatabase } from "./support/database";

const { client } = await freshDatabase();

beforeAll(async () => {
  await importScreeningList(client, createReadStream(SAMPLE_SCREENING_LIST), { fileName: "csl-sample.csv", listDate: new Date("2026-11-28") });
});

describe("POST /api/v1/licensing/determination", () => {
  it("answers the documented example per destination, with the worldwide rule in words", async () => {
    const answer = await determineForApi(
      client,
      determinationRequestSchema.parse({
        items: [{ eccn: "3A090.a", totalProcessingPerformance: 4800, performanceDensity: 5.9 }],
        destinations: ["AE", "SG", "JP"],
        parties: [{ role: "END_USER", countryCode: "SG", headquartersCountryCode: "CN", parentCountryCode: null }],
      }),
    );
    expect(answer.determinations.map((d) => [d.countryCode, d.licenseRequired])).toEqual([
      ["AE", true],
      ["SG", true],
      ["JP", true],
    ]);
    expect(answer.determinations[1]!.reasons[0]).toBe(
      "The end user #1, located in Singapore, is headquartered in China (country group D:5): every advanced-computing item needs a license at every destination.",
    );
    expect(new Set(answer.determinations.map((d) => d.ruleVersion))).toEqual(new Set([1]));
  });

  it("EAR99 items need no license anywhere", async () => {
    const answer = await determineForApi(client, determinationRequestSchema.parse({ items: [{ eccn: "EAR99" }], destinations: ["AE", "CN"] }));
    expect(answer.determinations.every((d) => !d.licenseRequired)).toBe(true);
  });

  it("an unknown country code is a 400 naming the field", async () => {
    const refused = await determineForApi(client, determinationRequestSchema.parse({ items: [{ eccn: "3A090" }], destinations: ["AE", "ZZ"], parties: [{ role: "END_USER", countryCode: "QQ" }] })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).status).toBe(400);
    expect((refused as ApiProblem).problems).toEqual([
      { field: "destinations.1", message: "ZZ is not a country code the program knows." },
      { field: "parties.0.countryCode", message: "QQ is not a country code the program knows." },
    ]);
  });
});

describe("POST /api/v1/screening", () => {
  it("answers each name's matches above the threshold", async () => {
    const answer = await screenNamesForApi(client, "198.51.100.1", ["Zephyrine Dynamics", "Atlas Compute Systems"]);
    expect(answer.threshold).toBe(80);
    expect(answer.listVersion).toBe("2026-11-28 (12 entries, csl-sample.csv)");
    expect(answer.results).toEqual([
      { name: "Zephyrine Dynamics", matches: [{ name: "Zephyrine Dynamics", score: 100, source: "Entity List (EL) - Bureau of Industry and Security", entryName: "Zephyrine Dynamics Trading FZE" }] },
      { name: "Atlas Compute Systems", matches: [] },
    ]);
  });

  it("limits each client per minute (setting) and says when to come back", async () => {
    await client.setting.update({ where: { key: "screening.apiRequestsPerMinute" }, data: { value: 2 } });
    await screenNamesForApi(client, "203.0.113.7", ["A"]);
    await screenNamesForApi(client, "203.0.113.7", ["B"]);
    const refused = await screenNamesForApi(client, "203.0.113.7", ["C"]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).status).toBe(429);
    expect(Number((refused as ApiProblem).headers["retry-after"])).toBeGreaterThan(0);
    // Another client is not affected.
    await expect(screenNamesForApi(client, "203.0.113.8", ["D"])).resolves.toBeTruthy();
  });

  it("refuses more names than the setting allows", async () => {
    await client.setting.update({ where: { key: "screening.apiMaxNames" }, data: { value: 2 } });
    const refused = await screenNamesForApi(client, "192.0.2.50", ["A", "B", "C"]).catch((e: unknown) => e);
    expect((refused as ApiProblem).problems).toEqual([{ field: "names", message: "Send at most 2 names in one request." }]);
  });
});
