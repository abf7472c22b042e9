// The license queue's address-bar filters and the 90-day review clock.
import { describe, expect, it } from "vitest";
import { reviewClock } from "@/lib/licensing/status";
import { licenseQueueQuerySchema } from "@/lib/schemas/licensing";

describe("the queue's query", () => {
  it("defaults to pending requests, closest to the target first", () => {
    expect(licenseQueueQuerySchema.parse({})).toMatchObject({ status: "PENDING", sort: "due" });
  });

  it("reads each filter, an ECCN as its base code", () => {
    expect(licenseQueueQuerySchema.parse({ status: "DENIED", destination: "AE", eccn: "4a090.b", age: "60", assigned: "me", hits: "yes", sort: "newest" })).toEqual({
      status: "DENIED",
      destination: "AE",
      eccn: "4A090",
      age: "60",
      assigned: "me",
      hits: "yes",
      sort: "newest",
    });
  });

  it("ignores values that aren't choices, never failing", () => {
    expect(licenseQueueQuerySchema.parse({ status: "LOST", destination: "uae", eccn: "3A0901", age: "7", assigned: "bob", hits: "1", sort: "random" })).toEqual({
      status: "PENDING",
      sort: "due",
    });
  });
});

describe("the review clock", () => {
  const day = 86_400_000;
  const registered = new Date("2026-01-01T00:00:00Z");
  const due = new Date(registered.getTime() + 90 * day);

  it.each([
    [0, { daysElapsed: 0, daysRemaining: 90, overdue: false, label: "Day 0: 90 days left" }],
    [45, { daysElapsed: 45, daysRemaining: 45, overdue: false, label: "Day 45: 45 days left" }],
    [90, { daysElapsed: 90, daysRemaining: 0, overdue: false, label: "Day 90: 0 days left" }],
    [95, { daysElapsed: 95, daysRemaining: -5, overdue: true, label: "Day 95: 5 days overdue" }],
  ])("on day %i", (days, expected) => {
    expect(reviewClock(registered, due, new Date(registered.getTime() + days * day))).toEqual(expected);
  });
});
