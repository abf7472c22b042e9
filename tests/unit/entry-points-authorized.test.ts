// Every door into the server (page, route handler, server action) must call the
// policy module before it reads or writes. This test reads the source of app/ and
// components/ with the TypeScript parser and fails when an entry point skips it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/policy";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Calls that authorize: the policy module's own functions and the session helpers built on it. */
const AUTHORIZING_CALLS = new Set(["requireActor", "requirePageActor", "requireActiveSession", "authorize", "runFormAction", "runFormActionThenRedirect", "runDraftAction"]);

/** Entry points open to everyone, each with the reason it needs no actor. */
const PUBLIC_ENTRY_POINTS: Record<string, string> = {
  "app/page.tsx#default": "the public home page; shows only a sign-in or dashboard link",
  "app/sign-in/page.tsx#default": "the sign-in page itself",
  "app/sign-in/actions.ts#signInAction": "signing in is how an actor comes to exist",
  "app/sign-in/actions.ts#signOutAction": "signing out ends the caller's own session only",
  "app/api/auth/[...nextauth]/route.ts#GET": "Auth.js endpoints (session, CSRF token)",
  "app/api/auth/[...nextauth]/route.ts#POST": "Auth.js endpoints (credentials callback, sign-out)",
  "app/sign-in/second-factor/page.tsx#default": "the second step of signing in, for the caller's own session that still owes it (requirePendingSession)",
  "app/sign-in/second-factor/actions.ts#secondFactorAction": "checks a code for the caller's own pending session only (requirePendingSessionForAction)",
  "app/sign-in/second-factor/actions.ts#enrollmentAction": "confirms an authenticator app for the caller's own session only (requirePendingSessionForAction)",
  "app/sign-in/authenticator/page.tsx#default": "authenticator set-up for the caller's own session that owes it (requirePendingSession)",
  "app/api/session/second-factor/route.ts#POST": "the second step of signing in, for the caller's own pending session only (requirePendingSessionForAction)",
  "app/api/session/route.ts#GET": "tells the caller when their own session ends; nothing about anyone else",
  "app/api/session/route.ts#POST": "extends the caller's own session only, from the portal's own pages",
  "app/invitations/[token]/page.tsx#default": "shows an invitation to whoever holds its single-use link (a 256-bit token)",
  "app/invitations/[token]/actions.ts#acceptWithNewAccountAction": "the invitation's token is the authority to create the invited account",
  "app/api/health/route.ts#GET": "liveness probe; reveals only whether the database answers",
  "app/published/page.tsx#default": "the public list of approved packages, read through policy.publishedScope()",
  "app/estimate/page.tsx#default": "the public financing estimator: reads only settings, countries and reference tables, never a proposal",
  "app/estimate/schedule.csv/route.ts#GET": "the public estimator's schedule as CSV: the same inputs and reads as the estimator page",
  "app/api/v1/financing/estimate/route.ts#POST": "the public estimator as JSON: reads only settings, countries and reference tables",
  "app/api/v1/licensing/determination/route.ts#POST": "public license determination for compliance tools; reads only countries and the export-control rules version in force",
  "app/api/v1/screening/route.ts#POST": "public screening against the Consolidated Screening List (public data, as trade.gov's search), rate-limited per client",
  "app/api/v1/openapi.json/route.ts#GET": "the public API's OpenAPI document",
};

type EntryPoint = { id: string; kind: "page" | "route" | "action"; body: ts.Node | undefined; source: ts.SourceFile };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function hasUseServer(statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  const first = statements?.[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefault(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** The exported functions of a module, by exported name. */
function exportedFunctions(source: ts.SourceFile): Array<{ name: string; body: ts.Node | undefined }> {
  const found: Array<{ name: string; body: ts.Node | undefined }> = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      found.push({ name: isDefault(statement) ? "default" : (statement.name?.text ?? "default"), body: statement.body });
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) {
          found.push({ name: declaration.name.text, body: declaration.initializer });
        } else if (ts.isObjectBindingPattern(declaration.name)) {
          // export const { GET, POST } = handlers
          for (const element of declaration.name.elements) found.push({ name: element.name.getText(source), body: undefined });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      found.push({ name: "default", body: statement.expression });
    }
  }
  return found;
}

/** Functions anywhere in a file that carry their own "use server" directive. */
function inlineServerActions(source: ts.SourceFile): Array<{ name: string; body: ts.Node }> {
  const found: Array<{ name: string; body: ts.Node }> = [];
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body && ts.isBlock(node.body) && hasUseServer(node.body.statements)) {
      found.push({ name: `inline@${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, body: node.body });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function entryPoints(): EntryPoint[] {
  const files = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components"))];
  const entries: EntryPoint[] = [];
  for (const file of files) {
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const base = path.basename(file);
    if (base === "page.tsx") {
      for (const fn of exportedFunctions(source).filter((f) => f.name === "default")) entries.push({ id: `${relative}#default`, kind: "page", body: fn.body, source });
    } else if (base === "route.ts") {
      for (const fn of exportedFunctions(source).filter((f) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(f.name))) {
        entries.push({ id: `${relative}#${fn.name}`, kind: "route", body: fn.body, source });
      }
    } else if (hasUseServer(source.statements)) {
      for (const fn of exportedFunctions(source)) entries.push({ id: `${relative}#${fn.name}`, kind: "action", body: fn.body, source });
    }
    for (const fn of inlineServerActions(source)) entries.push({ id: `${relative}#${fn.name}`, kind: "action", body: fn.body, source });
  }
  return entries;
}

/** The module's own top-level functions and consts (e.g. a `cache()`d loader), by name. */
function localDefinitions(source: ts.SourceFile): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) found.set(statement.name.text, statement.body);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) found.set(declaration.name.text, declaration.initializer);
      }
    }
  }
  return found;
}

/**
 * The permission literals the body passes to authorizing calls, directly or through
 * a function of the same module that it calls (a page and its tab title share one
 * loader); empty when it makes none.
 */
function authorizingCalls(body: ts.Node | undefined, source: ts.SourceFile): string[] {
  const permissions: string[] = [];
  const local = localDefinitions(source);
  const followed = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      if (AUTHORIZING_CALLS.has(callee)) {
        const literal = node.arguments.find((arg): arg is ts.StringLiteral => ts.isStringLiteral(arg));
        permissions.push(literal?.text ?? "(no permission literal)");
      } else if (local.has(callee) && !followed.has(callee)) {
        followed.add(callee);
        visit(local.get(callee)!);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (body) visit(body);
  return permissions;
}

const entries = entryPoints();

describe("every entry point goes through the policy module", () => {
  it("finds the portal's pages, route handlers and server actions", () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect(kinds).toEqual(new Set(["page", "route", "action"]));
    expect(entries.length).toBeGreaterThan(15);
  });

  it.each(entries.filter((e) => !(e.id in PUBLIC_ENTRY_POINTS)).map((e) => [e.id, e] as const))("%s authorizes with a known permission", (_id, entry) => {
    const permissions = authorizingCalls(entry.body, entry.source);
    expect(permissions, `${entry.id} never calls ${[...AUTHORIZING_CALLS].join(" / ")}`).not.toEqual([]);
    for (const permission of permissions) expect(PERMISSIONS).toContain(permission);
  });

  it("lists only public entry points that exist", () => {
    const ids = new Set(entries.map((e) => e.id));
    expect(Object.keys(PUBLIC_ENTRY_POINTS).filter((id) => !ids.has(id))).toEqual([]);
  });
});
