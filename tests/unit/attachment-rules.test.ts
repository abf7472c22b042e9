import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import { checkAttachment, cleanFileName, contentDisposition, formatBytes, refusalMessage, uniqueNames, type UploadedFile } from "@/lib/attachments/rules";
import { docxFile, elfFile, jpegFile, pdfFile, pngFile, windowsExecutable, xlsxFile, zipFile } from "./support/files";

const MAX = 25 * 1024 * 1024;

async function uploaded(fileName: string, bytes: Buffer, overrides: Partial<UploadedFile> = {}): Promise<UploadedFile> {
  const detected = await fileTypeFromBuffer(bytes);
  return { fileName, size: bytes.length, truncated: false, detected: detected && { ext: detected.ext, mime: detected.mime }, ...overrides };
}

describe("which files are accepted, from their bytes", () => {
  it.each([
    ["specification.pdf", pdfFile, "application/pdf"],
    ["plan.docx", docxFile, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["statements.xlsx", xlsxFile, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["diagram.png", pngFile, "image/png"],
    ["site.jpeg", jpegFile, "image/jpeg"],
    ["site.JPG", jpegFile, "image/jpeg"],
  ] as const)("accepts %s as %s", async (name, make, contentType) => {
    expect(checkAttachment(await uploaded(name, await make()), MAX)).toEqual({ ok: true, type: expect.any(String), contentType });
  });

  it.each([
    ["a Windows program", windowsExecutable, "a Windows program"],
    ["a Linux program", elfFile, "a Linux program"],
    ["a ZIP archive", zipFile, "a ZIP archive"],
  ] as const)("refuses %s named report.pdf, saying what it really is", async (_what, make, words) => {
    const verdict = checkAttachment(await uploaded("report.pdf", await make()), MAX);
    expect(verdict).toMatchObject({ ok: false, refusal: { reason: "type", fileName: "report.pdf" } });
    if (verdict.ok) throw new Error("accepted");
    expect(refusalMessage(verdict.refusal, MAX)).toBe(
      `report.pdf is really ${words}, not a PDF, DOCX, XLSX, PNG or JPEG file (the portal checks what a file contains, not its name). Upload one of those types.`,
    );
  });

  it("refuses bytes it can't recognize, such as plain text named .pdf", async () => {
    const verdict = checkAttachment(await uploaded("notes.pdf", Buffer.from("just some text\n")), MAX);
    expect(verdict).toMatchObject({ ok: false, refusal: { reason: "type" } });
    if (!verdict.ok) expect(refusalMessage(verdict.refusal, MAX)).toMatch(/^notes\.pdf is not a PDF, DOCX, XLSX, PNG or JPEG file/);
  });

  it("refuses an accepted type under another type's name, so the download opens in the right program", async () => {
    const verdict = checkAttachment(await uploaded("diagram.pdf", pngFile()), MAX);
    expect(verdict).toMatchObject({ ok: false, refusal: { reason: "name", detected: "png" } });
    if (!verdict.ok) expect(refusalMessage(verdict.refusal, MAX)).toBe("diagram.pdf contains a PNG image, but its name ends in .pdf. Rename it to end in .png, or choose the right file.");
  });
});

describe("the size limit and empty uploads", () => {
  it("refuses a file cut off at the limit while streaming, and says the limit", async () => {
    const verdict = checkAttachment(await uploaded("big.pdf", await pdfFile(), { truncated: true }), MAX);
    expect(verdict).toMatchObject({ ok: false, refusal: { reason: "too-large" } });
    if (!verdict.ok) expect(refusalMessage(verdict.refusal, MAX)).toBe("big.pdf is larger than 25 MB. Upload a file of 25 MB or less.");
  });

  it("accepts a file of exactly the limit and refuses one byte more", async () => {
    const pdf = await uploaded("spec.pdf", await pdfFile());
    expect(checkAttachment({ ...pdf, size: MAX }, MAX).ok).toBe(true);
    expect(checkAttachment({ ...pdf, size: MAX + 1 }, MAX).ok).toBe(false);
  });

  it("asks for a file when none was chosen, and refuses an empty one", () => {
    expect(checkAttachment(null, MAX)).toEqual({ ok: false, refusal: { reason: "missing", fileName: "" } });
    expect(checkAttachment({ fileName: "", size: 0, truncated: false, detected: undefined }, MAX)).toMatchObject({ ok: false, refusal: { reason: "missing" } });
    const empty = checkAttachment({ fileName: "empty.pdf", size: 0, truncated: false, detected: undefined }, MAX);
    expect(empty).toMatchObject({ ok: false, refusal: { reason: "empty" } });
  });

  it("states sizes people read", () => {
    expect(formatBytes(25 * 1024 * 1024)).toBe("25 MB");
    expect(formatBytes(1536 * 1024)).toBe("1.5 MB");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(12)).toBe("12 bytes");
  });
});

describe("file names", () => {
  it("keeps the last path segment a browser may send, without control or header-breaking characters", () => {
    expect(cleanFileName("C:\\Users\\ana\\Q3 plan.docx")).toBe("Q3 plan.docx");
    expect(cleanFileName('../../etc/"pass"\r\nwd.pdf')).toBe("_pass___wd.pdf");
    expect(cleanFileName("...")).toBe("attachment");
    const long = cleanFileName(`${"a".repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("downloads under the original name, with an ASCII fallback", () => {
    expect(contentDisposition("Plan für Ägypten.pdf")).toBe("attachment; filename=\"Plan fu_r A_gypten.pdf\"; filename*=UTF-8''Plan%20f%C3%BCr%20%C3%84gypten.pdf");
  });

  it("gives two files of the same name distinct names in a ZIP", () => {
    expect(uniqueNames(["plan.pdf", "Plan.pdf", "plan.pdf", "notes"])).toEqual(["plan.pdf", "Plan (2).pdf", "plan (3).pdf", "notes"]);
  });
});
