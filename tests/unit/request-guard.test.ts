// What the proxy refuses before Next.js sees it: each case here answered 500 before.
import { describe, expect, it } from "vitest";
import { checkBeforeNext, checkRequest, declaredParameters, MAX_BODY_BYTES } from "@/lib/request-guard";

// Ids shaped like Next.js's: the first byte says which parameters the action uses.
const FORM_ACTION = `60${"a".repeat(40)}`; // (previous, formData)
const NO_ARGUMENTS = `00${"b".repeat(40)}`; // signOutAction()
const options = { actionIds: new Set([FORM_ACTION, NO_ARGUMENTS]) };
const ORIGIN = "http://portal.example";

function request(init: { method?: string; path?: string; headers?: Record<string, string>; body?: BodyInit }) {
  return new Request(`${ORIGIN}${init.path ?? "/proposals/new"}`, {
    method: init.method ?? "GET",
    headers: { host: "portal.example", ...init.headers },
    body: init.body,
    duplex: "half",
  } as RequestInit);
}

function check(init: Parameters<typeof request>[0]) {
  const req = request(init);
  return checkRequest(req, init.path?.split("?")[0] ?? "/proposals/new", options).then((r) => r?.status ?? "passes");
}

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const body = Object.entries(fields).map(([name, value]) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + "--zz--\r\n";
  return { body, type: "multipart/form-data; boundary=zz" };
}

function action(id: string, args: string, extra: Record<string, string> = {}) {
  const { body, type } = multipart({ "0": args, "1_email": "a@b.example", ...extra });
  return check({ method: "POST", body, headers: { "next-action": id, "content-type": type, "content-length": String(body.length), origin: ORIGIN } });
}

describe("requests the proxy lets through", () => {
  it("passes ordinary pages, form actions called as the page calls them, and sign-out", async () => {
    expect(await check({ path: "/proposals?page=2" })).toBe("passes");
    expect(await action(FORM_ACTION, '[{"status":"idle","fieldErrors":{},"values":{},"message":"$$5 off"},"$K1"]')).toBe("passes");
    expect(await check({ method: "POST", body: "[]", headers: { "next-action": NO_ARGUMENTS, "content-type": "text/plain;charset=UTF-8", origin: ORIGIN } })).toBe("passes");
  });

  it("reads the number of parameters from the action id", () => {
    expect(declaredParameters(FORM_ACTION)).toBe(2);
    expect(declaredParameters(NO_ARGUMENTS)).toBe(0);
    expect(declaredParameters(`7f${"c".repeat(40)}`)).toBeNull(); // rest parameters
  });
});

describe("requests the proxy refuses", () => {
  it.each(["PUT", "DELETE", "PROPFIND", "OPTIONS"])("%s: 405", async (method) => {
    expect(await check({ method })).toBe(405);
  });

  it.each([
    ["a Host that isn't one", { host: "a b" }],
    ["an empty X-Forwarded-Proto", { "x-forwarded-proto": "" }],
    ["a forwarded host list", { "x-forwarded-host": "a.example, b.example" }],
    ["an action header on a GET", { "next-action": FORM_ACTION }],
  ])("%s: 400", async (_what, headers) => {
    expect(await check({ headers })).toBe(400);
  });

  it("a sign-in endpoint the portal doesn't use: 404", async () => {
    expect(await check({ path: "/api/auth/session" })).toBe("passes");
    expect(await check({ path: "/api/auth/csrf" })).toBe("passes");
    expect(await check({ method: "POST", path: "/api/auth/callback/credentials", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "3" } })).toBe("passes");
    expect(await check({ path: "/api/auth/signin/%2F" })).toBe(404);
    expect(await check({ path: "/api/auth/callback/credentials" })).toBe(404);
    expect(await check({ method: "POST", path: "/api/auth/csrf", body: "", headers: { "content-length": "0" } })).toBe(404);
  });

  it("a path that isn't percent-encoding: 404", async () => {
    expect(await check({ path: "/proposals/%ff" })).toBe(404);
  });

  it("a body over the limit, with a length or chunked: 413", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    expect(await check({ method: "POST", body: big, headers: { "content-length": String(big.length), "content-type": "text/plain" } })).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("y".repeat(MAX_BODY_BYTES / 4)));
        controller.close();
      },
    });
    expect(await check({ method: "POST", body: chunks, headers: { "next-action": FORM_ACTION, "content-type": "multipart/form-data; boundary=zz" } })).toBe(413);
  });

  it("a post from another origin or an opaque one: 403", async () => {
    expect(await check({ method: "POST", body: "[]", headers: { "next-action": NO_ARGUMENTS, "content-type": "text/plain", origin: "http://evil.example" } })).toBe(403);
    expect(await check({ method: "POST", body: "[]", headers: { "next-action": NO_ARGUMENTS, "content-type": "text/plain", origin: "null" } })).toBe(403);
    expect(await check({ method: "POST", body: "[]", headers: { "next-action": NO_ARGUMENTS, "content-type": "text/plain", origin: "%%" } })).toBe(400);
  });

  it("an unknown action: 404; a malformed id: 400", async () => {
    expect(await action(`60${"f".repeat(40)}`, '[{},"$K1"]')).toBe(404);
    expect(await action("garbage", '[{},"$K1"]')).toBe(400);
  });

  it.each([
    ["the form alone, to an action that takes (previous, form)", '["$K1"]'],
    ["no form at all", '[{},{}]'],
    ["a reference where a value belongs", '["$Q1","$K1"]'],
    ["arguments that aren't JSON", "[{},"],
    ["arguments that aren't a list", '{"a":1}'],
  ])("action arguments with %s: 400", async (_what, args) => {
    expect(await action(FORM_ACTION, args)).toBe(400);
  });

  it("an action body that isn't a form: 400", async () => {
    for (const [type, body] of [["application/json", '{"email":"x"}'], ["text/plain;charset=UTF-8", '["x","y"]'], ["multipart/form-data; boundary=zz", "--zz\r\ngarbage"]]) {
      expect(await check({ method: "POST", body, headers: { "next-action": FORM_ACTION, "content-type": type!, origin: ORIGIN } }), type).toBe(400);
    }
  });

  it("a form posted without JavaScript to an action that needs more than the form: 400", async () => {
    const post = (fields: Record<string, string>) => {
      const { body, type } = multipart(fields);
      return check({ method: "POST", body, headers: { "content-type": type, origin: ORIGIN } });
    };
    expect(await post({ [`$ACTION_ID_${FORM_ACTION}`]: "", email: "a@b.example" })).toBe(400);
    expect(await post({ [`$ACTION_ID_${NO_ARGUMENTS}`]: "" })).toBe("passes");
    expect(await post({ "$ACTION_REF_1": "", "$ACTION_1:0": "not json" })).toBe(400);
    expect(await post({ email: "a@b.example" })).toBe(400); // names no action at all
    expect(await post({ "$ACTION_REF_1": "", "$ACTION_1:0": `{"id":"${FORM_ACTION}","bound":"$@1"}`, "$ACTION_1:1": "[{}]" })).toBe("passes");
  });
});

describe("what the server in front of Next.js refuses", () => {
  const valid = encodeURIComponent('["",{"children":["proposals",{"children":[["id","x","d",null],{"children":["__PAGE__",{}]}]}]},null,"refetch"]');

  it("passes ordinary requests and a real router state", () => {
    expect(checkBeforeNext("GET", "/proposals", undefined)).toBeNull();
    expect(checkBeforeNext("POST", "/proposals/new", valid)).toBeNull();
  });

  it.each([
    ["TRACE", "/", undefined, 405],
    ["track", "/", undefined, 405],
    ["OPTIONS", "*", undefined, 400],
    ["GET", "http://evil.example/", undefined, 400],
    ["GET", "/", "%7B", 400],
    ["GET", "/", encodeURIComponent('["",{"children":[1,2]},null,null,true]'), 400],
    ["GET", "/", encodeURIComponent('["",{"children":["__PAGE__",{}]},null,null,true]'), 400],
    ["GET", "/", [valid, valid], 400],
    ["GET", "/", "[".repeat(50_000), 400],
  ] as const)("%s %s with router state %s: %i", (method, target, state, status) => {
    expect(checkBeforeNext(method, target, state as string | string[] | undefined)?.status).toBe(status);
  });
});
