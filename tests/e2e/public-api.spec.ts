// The public API over HTTP: answers, field-level 400s for malformed input (never
// a 500), and the OpenAPI document.
import { expect, test } from "@playwright/test";

test("the determination answers the documented example and refuses malformed input field by field", async ({ request }) => {
  const ok = await request.post("/api/v1/licensing/determination", {
    data: {
      items: [{ eccn: "3A090.a", totalProcessingPerformance: 4800, performanceDensity: 5.9 }],
      destinations: ["AE"],
      parties: [{ role: "END_USER", countryCode: "SG", headquartersCountryCode: "CN", parentCountryCode: null }],
    },
  });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.determinations).toEqual([
    { countryCode: "AE", licenseRequired: true, reasons: expect.arrayContaining([expect.stringContaining("headquartered in China")]), ruleVersion: expect.any(Number), ruleVersionEffectiveFrom: expect.any(String) },
  ]);

  const malformed = await request.post("/api/v1/licensing/determination", { data: { items: [{ eccn: "3A0901" }], destinations: "AE" } });
  expect(malformed.status()).toBe(400);
  const problems = (await malformed.json()).problems.map((p: { field: string }) => p.field);
  expect(problems).toEqual(["items.0.eccn", "destinations"]);

  const notJson = await request.post("/api/v1/licensing/determination", { headers: { "content-type": "application/json" }, data: "{not json" });
  expect(notJson.status()).toBe(400);
});

test("screening answers matches above the threshold; the OpenAPI document is served", async ({ request }) => {
  const screened = await request.post("/api/v1/screening", { data: { names: ["Crimson Harbour Computing Limited"] } });
  expect(screened.status()).toBe(200);
  expect((await screened.json()).results[0].matches[0]).toMatchObject({ entryName: "Crimson Harbor Compute Ltd.", score: 100 });
  expect((await request.post("/api/v1/screening", { data: { names: "Crimson" } })).status()).toBe(400);

  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  const openapi = await document.json();
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/v1/licensing/determination", "/api/v1/screening"]));
});
