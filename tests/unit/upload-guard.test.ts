import { describe, expect, it } from "vitest";
import { checkUploadPost, UPLOAD_PATH } from "@/lib/request-guard";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://localhost:3000/proposals/abc/attachments/upload", { method, headers: { host: "localhost:3000", ...headers } });

describe("the upload route's own request checks (it streams past the proxy)", () => {
  it("takes a post from the portal's own pages", () => {
    expect(checkUploadPost(post({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-length": "1234" }))).toBeNull();
  });

  it("refuses a cross-site post, as the proxy does for server actions", () => {
    expect(checkUploadPost(post({ origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    expect(checkUploadPost(post({ origin: "null" }))).toMatchObject({ status: 403 });
    expect(checkUploadPost(post({ "sec-fetch-site": "cross-site" }))).toMatchObject({ status: 403 });
  });

  it("refuses malformed headers and other methods", () => {
    expect(checkUploadPost(post({ "content-length": "12abc" }))).toMatchObject({ status: 400 });
    expect(checkUploadPost(post({ "next-action": "0".repeat(42) }))).toMatchObject({ status: 400 });
    expect(checkUploadPost(post({ "x-forwarded-host": "bad host" }))).toMatchObject({ status: 400 });
    expect(checkUploadPost(post({}, "PUT"))).toMatchObject({ status: 405 });
  });

  it("names only the upload route", () => {
    expect(UPLOAD_PATH.test("/proposals/abc/attachments/upload")).toBe(true);
    expect(UPLOAD_PATH.test("/proposals/abc/attachments")).toBe(false);
    expect(UPLOAD_PATH.test("/proposals/abc/attachments/upload/more")).toBe(false);
  });
});
