// The rules of a proposal's questions: when the thread is open, what is new to a
// reader, and how far reading moves their marker.
import { describe, expect, it } from "vitest";
import { isNew, newMessagesLabel, readMarkerAfter, threadClosedReason, threadOpen } from "@/lib/questions/rules";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 12, minute));

describe("the thread", () => {
  it("is open while the proposal is with the agencies, returned, or approved; closed for drafts and closed proposals", () => {
    for (const status of ["SUBMITTED", "IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW", "RETURNED_FOR_REVISION", "APPROVED"] as const) expect(threadOpen(status)).toBe(true);
    for (const status of ["DRAFT", "WITHDRAWN", "DECLINED", "CANCELLED"] as const) expect(threadOpen(status)).toBe(false);
    expect(threadClosedReason("DRAFT")).toMatch(/once the proposal is submitted/);
    expect(threadClosedReason("WITHDRAWN")).toMatch(/closed/);
    expect(threadClosedReason("SUBMITTED")).toBeNull();
  });
});

describe("new messages", () => {
  it("are those by someone else after the reader's marker; one's own never are", () => {
    expect(isNew({ authorId: "a", createdAt: at(5) }, "b", null)).toBe(true);
    expect(isNew({ authorId: "a", createdAt: at(5) }, "b", at(4))).toBe(true);
    expect(isNew({ authorId: "a", createdAt: at(5) }, "b", at(5))).toBe(false);
    expect(isNew({ authorId: "b", createdAt: at(5) }, "b", null)).toBe(false);
  });

  it("reading moves the marker to the newest message shown, never backwards, and not at all when nothing is newer", () => {
    const messages = [{ authorId: "a", createdAt: at(1) }, { authorId: "b", createdAt: at(7) }, { authorId: "a", createdAt: at(3) }];
    expect(readMarkerAfter(messages, null)).toEqual(at(7));
    expect(readMarkerAfter(messages, at(2))).toEqual(at(7));
    expect(readMarkerAfter(messages, at(7))).toBeNull();
    expect(readMarkerAfter(messages, at(9))).toBeNull();
    expect(readMarkerAfter([], null)).toBeNull();
  });

  it("are counted in words", () => {
    expect(newMessagesLabel(1)).toBe("1 new message");
    expect(newMessagesLabel(3)).toBe("3 new messages");
  });
});
