import { describe, expect, it } from "vitest";
import { cappedCount } from "@/lib/counts";

describe("a count that stops at a cap", () => {
  it("shows the number itself below the cap, grouped by thousands", () => {
    expect(cappedCount(0, 100)).toBe("0");
    expect(cappedCount(99, 100)).toBe("99");
    expect(cappedCount(9_999, 10_001)).toBe("9,999");
    expect(cappedCount(10_000, 10_001)).toBe("10,000");
  });

  it("says 'more than' once the count reached the cap, since it stopped counting there", () => {
    expect(cappedCount(100, 100)).toBe("99+");
    expect(cappedCount(10_001, 10_001)).toBe("10,000+");
  });
});
