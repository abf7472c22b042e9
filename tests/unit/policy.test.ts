// Who may do what: the role permission matrix, and which proposals each actor sees.
import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorize, can, PERMISSIONS, proposalScope, publishedScope, seatAllows, type Actor, type Permission } from "@/lib/policy";

const actor = (role: Role, userId = `user-${role.toLowerCase()}`): Actor => ({
  userId,
  role,
  name: `A ${role}`,
  email: `${role.toLowerCase()}@example.gov`,
});

const member = actor("CONSORTIUM_MEMBER", "member-42");
const commerce = actor("COMMERCE_REVIEWER");
const exim = actor("EXIM_OFFICER");
const admin = actor("ADMINISTRATOR");

const ROLES = ["CONSORTIUM_MEMBER", "COMMERCE_REVIEWER", "EXIM_OFFICER", "ADMINISTRATOR"] as const;
const Y = true;
const N = false;

/** The program's permission matrix, by role: consortium member, Commerce, EXIM, administrator. */
const MATRIX: Record<Permission, [member: boolean, commerce: boolean, exim: boolean, admin: boolean]> = {
  "dashboard:read": [Y, Y, Y, Y],
  "proposal:create": [Y, N, N, N],
  "proposal:read": [Y, Y, Y, Y],
  "proposal:update": [Y, N, N, N],
  "proposal:submit": [Y, N, N, N],
  "proposal:withdraw": [Y, N, N, N],
  "proposal:return": [N, Y, Y, N],
  "license:read": [Y, Y, Y, Y],
  "license:decide": [N, Y, N, N],
  "financing:read": [Y, Y, Y, Y],
  "financing:decide": [N, N, Y, N],
  "exposureCap:read": [Y, Y, Y, Y],
  "audit:read": [Y, Y, Y, Y],
  "settings:manage": [N, N, N, Y],
  "users:manage": [N, N, N, Y],
  "account:manage": [Y, Y, Y, Y],
  "consortium:create": [Y, N, N, N],
  "consortium:read": [Y, N, N, N],
  "consortium:manage": [Y, N, N, N],
  "mailbox:read": [N, N, N, Y],
  "program:read": [N, N, Y, Y],
  "question:read": [Y, Y, Y, N],
  "question:ask": [N, Y, Y, N],
  "question:answer": [Y, N, N, N],
  "notification:read": [Y, Y, Y, Y],
};

describe("the permission matrix", () => {
  it("covers every permission the portal knows", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(ROLES.map((role, column) => ({ role, column })))("$role", ({ role, column }) => {
    it.each([...PERMISSIONS])("%s", (permission) => {
      expect(can(actor(role), permission)).toBe(MATRIX[permission][column]);
    });
  });

  it("only a Commerce reviewer decides licenses", () => {
    expect(ROLES.filter((role) => can(actor(role), "license:decide"))).toEqual(["COMMERCE_REVIEWER"]);
  });

  it("only an EXIM officer decides financing", () => {
    expect(ROLES.filter((role) => can(actor(role), "financing:decide"))).toEqual(["EXIM_OFFICER"]);
  });

  it("only an administrator manages settings", () => {
    expect(ROLES.filter((role) => can(actor(role), "settings:manage"))).toEqual(["ADMINISTRATOR"]);
  });

  it("only an administrator manages other people's accounts", () => {
    expect(ROLES.filter((role) => can(actor(role), "users:manage"))).toEqual(["ADMINISTRATOR"]);
  });

  it("nobody signed out can do anything", () => {
    for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false);
  });
});

describe("authorize", () => {
  it("lets a role through for a permission it holds", () => {
    expect(() => authorize(commerce, "license:decide")).not.toThrow();
    expect(() => authorize(exim, "financing:decide")).not.toThrow();
    expect(() => authorize(member, "proposal:submit")).not.toThrow();
  });

  it("a signed-out visitor is unauthenticated", () => {
    expect(() => authorize(null, "dashboard:read")).toThrow(UnauthenticatedError);
    expect(() => authorize(null, "dashboard:read")).toThrow(
      "You are signed out. Sign in again to continue; what you typed is still on this page.",
    );
  });

  it.each([
    ["CONSORTIUM_MEMBER", "license:decide"],
    ["CONSORTIUM_MEMBER", "financing:decide"],
    ["CONSORTIUM_MEMBER", "proposal:return"],
    ["COMMERCE_REVIEWER", "financing:decide"],
    ["COMMERCE_REVIEWER", "proposal:submit"],
    ["EXIM_OFFICER", "license:decide"],
    ["EXIM_OFFICER", "settings:manage"],
    ["ADMINISTRATOR", "license:decide"],
    ["ADMINISTRATOR", "financing:decide"],
  ] as const)("a %s may not %s: forbidden", (role, permission) => {
    expect(() => authorize(actor(role), permission)).toThrow(ForbiddenError);
    expect(() => authorize(actor(role), permission)).toThrow("Your role may not do this.");
  });

  it("a forbidden actor is not reported as signed out", () => {
    expect(() => authorize(commerce, "financing:decide")).not.toThrow(UnauthenticatedError);
  });
});

describe("which proposals an actor sees (proposalScope)", () => {
  const seatsFilter = (userId: string, seats: string[]) => ({
    consortium: { users: { some: { userId, seatRole: { in: seats } } } },
  });

  it("a consortium member sees their own consortia's proposals, through any seat", () => {
    expect(proposalScope(member)).toEqual(seatsFilter("member-42", ["LEAD", "CONTRIBUTOR", "VIEWER"]));
  });

  it("to edit, the member needs a lead or contributor seat", () => {
    expect(proposalScope(member, "proposal:update")).toEqual(seatsFilter("member-42", ["LEAD", "CONTRIBUTOR"]));
  });

  it("to submit or withdraw, the member needs the lead seat", () => {
    expect(proposalScope(member, "proposal:submit")).toEqual(seatsFilter("member-42", ["LEAD"]));
    expect(proposalScope(member, "proposal:withdraw")).toEqual(seatsFilter("member-42", ["LEAD"]));
  });

  it("for other reads (licenses, financing), any seat will do", () => {
    expect(proposalScope(member, "license:read")).toEqual(seatsFilter("member-42", ["LEAD", "CONTRIBUTOR", "VIEWER"]));
    expect(proposalScope(member, "financing:read")).toEqual(seatsFilter("member-42", ["LEAD", "CONTRIBUTOR", "VIEWER"]));
  });

  it("each member's filter names that member", () => {
    expect(proposalScope(actor("CONSORTIUM_MEMBER", "someone-else"))).toEqual(
      seatsFilter("someone-else", ["LEAD", "CONTRIBUTOR", "VIEWER"]),
    );
  });

  it.each([commerce, exim, admin])("$role sees only submitted proposals, never an unsubmitted draft", (government) => {
    expect(proposalScope(government)).toEqual({ submittedAt: { not: null } });
  });

  it("a reviewer's scope for deciding is the same submitted-only filter", () => {
    expect(proposalScope(commerce, "license:decide")).toEqual({ submittedAt: { not: null } });
    expect(proposalScope(exim, "financing:decide")).toEqual({ submittedAt: { not: null } });
  });

  it("asking for a scope the role lacks is forbidden", () => {
    expect(() => proposalScope(member, "license:decide")).toThrow(ForbiddenError);
    expect(() => proposalScope(commerce, "financing:decide")).toThrow(ForbiddenError);
    expect(() => proposalScope(exim, "license:decide")).toThrow(ForbiddenError);
    expect(() => proposalScope(admin, "proposal:update")).toThrow(ForbiddenError);
  });
});

describe("what a consortium seat allows", () => {
  it.each([
    ["LEAD", "proposal:submit", true],
    ["LEAD", "proposal:withdraw", true],
    ["LEAD", "proposal:update", true],
    ["CONTRIBUTOR", "proposal:update", true],
    ["CONTRIBUTOR", "proposal:submit", false],
    ["CONTRIBUTOR", "proposal:withdraw", false],
    ["VIEWER", "proposal:read", true],
    ["VIEWER", "proposal:update", false],
    ["VIEWER", "proposal:submit", false],
    [null, "proposal:read", false],
    [null, "license:read", true], // not a seat-bound permission
  ] as const)("%s seat, %s: %s", (seat, permission, allowed) => {
    expect(seatAllows(seat, permission)).toBe(allowed);
  });
});

describe("the public list", () => {
  it("shows only approved packages that have been published", () => {
    expect(publishedScope()).toEqual({ status: "APPROVED", publishedAt: { not: null } });
  });
});
