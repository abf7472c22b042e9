// EXIM's statutory exposure cap: $135B limit, about $34.1B drawn before the program,
// every approval draws on the headroom and a withdrawal or cancellation releases it.
import { describe, expect, it } from "vitest";
import { capPosition, drawFits } from "@/lib/exposure-cap/rules";
import { seededSettings } from "./support/reference";

const settings = seededSettings;
const LIMIT = settings["exposureCap.statutoryLimitCents"];
const DRAWN_AT_START = settings["exposureCap.drawnAtStartCents"];

describe("the configured cap", () => {
  it("is $135B with $34.1B drawn at the program's start", () => {
    expect(LIMIT).toBe(13_500_000_000_000n);
    expect(DRAWN_AT_START).toBe(3_410_000_000_000n);
  });
});

describe("the cap position", () => {
  it("with no program draws leaves $100.9B of headroom", () => {
    expect(capPosition(LIMIT, DRAWN_AT_START, 0n)).toEqual({
      statutoryLimitCents: 13_500_000_000_000n,
      drawnCents: 3_410_000_000_000n,
      headroomCents: 10_090_000_000_000n,
      utilizationBasisPoints: 2525, // 34.1 / 135 = 25.259...%, rounded down
    });
  });

  it("a $68M approval in the ledger reduces the headroom to $100,832,000,000", () => {
    const position = capPosition(LIMIT, DRAWN_AT_START, 6_800_000_000n);
    expect(position.drawnCents).toBe(3_416_800_000_000n);
    expect(position.headroomCents).toBe(10_083_200_000_000n);
  });

  it("draws and releases net out: $500M drawn, $200M released leaves $300M drawn by the program", () => {
    const ledgerBalance = 50_000_000_000n - 20_000_000_000n;
    const position = capPosition(LIMIT, DRAWN_AT_START, ledgerBalance);
    expect(position.drawnCents).toBe(3_440_000_000_000n);
    expect(position.headroomCents).toBe(10_060_000_000_000n);
    expect(position.utilizationBasisPoints).toBe(2548); // 34.4 / 135 = 25.48...%
  });

  it("odd cents carry through exactly", () => {
    const position = capPosition(LIMIT, DRAWN_AT_START, 12_345_678_901n);
    expect(position.headroomCents).toBe(10_077_654_321_099n);
  });

  it("a fully drawn cap has no headroom and 100% utilization", () => {
    const position = capPosition(LIMIT, DRAWN_AT_START, 10_090_000_000_000n);
    expect(position.headroomCents).toBe(0n);
    expect(position.utilizationBasisPoints).toBe(10_000);
  });

  it("a reauthorized $205B cap (a what-if) leaves $170.9B", () => {
    const position = capPosition(20_500_000_000_000n, DRAWN_AT_START, 0n);
    expect(position.headroomCents).toBe(17_090_000_000_000n);
    expect(position.utilizationBasisPoints).toBe(1663); // 34.1 / 205 = 16.63...%
  });

  it("a zero limit reads as fully used rather than dividing by zero", () => {
    expect(capPosition(0n, 0n, 0n)).toEqual({ statutoryLimitCents: 0n, drawnCents: 0n, headroomCents: 0n, utilizationBasisPoints: 10_000 });
  });
});

describe("whether a draw fits under the cap", () => {
  const start = capPosition(LIMIT, DRAWN_AT_START, 0n);

  it("exactly the headroom fits", () => {
    expect(drawFits(start, 10_090_000_000_000n)).toBe(true);
  });

  it("one cent more than the headroom doesn't", () => {
    expect(drawFits(start, 10_090_000_000_001n)).toBe(false);
  });

  it("one cent fits", () => {
    expect(drawFits(start, 1n)).toBe(true);
  });

  it("zero doesn't, nor does a negative amount", () => {
    expect(drawFits(start, 0n)).toBe(false);
    expect(drawFits(start, -1n)).toBe(false);
  });

  it("after draws, the boundary moves with the headroom", () => {
    const after = capPosition(LIMIT, DRAWN_AT_START, 10_000_000_000_000n); // $100B drawn by the program
    expect(after.headroomCents).toBe(90_000_000_000n); // $900M left
    expect(drawFits(after, 90_000_000_000n)).toBe(true);
    expect(drawFits(after, 90_000_000_001n)).toBe(false);
  });

  it("nothing fits a fully drawn cap", () => {
    const full = capPosition(LIMIT, DRAWN_AT_START, 10_090_000_000_000n);
    expect(drawFits(full, 1n)).toBe(false);
  });
});
