// What the portal accepts as an attachment, decided from the file's bytes (the
// type detected by the `file-type` package), its size and its name. Pure: the
// upload route and the tests call the same functions.

/** The file types accepted, by what `file-type` detects in the bytes. */
export const ACCEPTED_TYPES = {
  pdf: { mime: "application/pdf", label: "PDF", extensions: ["pdf"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word document (DOCX)", extensions: ["docx"] },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel workbook (XLSX)", extensions: ["xlsx"] },
  png: { mime: "image/png", label: "PNG image", extensions: ["png"] },
  jpg: { mime: "image/jpeg", label: "JPEG image", extensions: ["jpg", "jpeg"] },
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** For the file input's `accept` attribute: a hint to the browser's picker, never the check. */
export const ACCEPT_ATTRIBUTE = Object.values(ACCEPTED_TYPES)
  .flatMap((type) => [...type.extensions.map((ext) => `.${ext}`), type.mime])
  .join(",");

/** What the program asks consortia to attach; `kind` of a Document is one of these keys. */
export const ATTACHMENT_KINDS = {
  TECHNICAL_SPECIFICATION: "Technical specification",
  SECURITY_PLAN: "Security and cybersecurity plan",
  FINANCIAL_STATEMENTS: "Financial statements",
  OTHER: "Other supporting document",
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

export function attachmentKindLabel(kind: string): string {
  return (ATTACHMENT_KINDS as Record<string, string>)[kind] ?? kind;
}

/** Names of types people recognize, for what a refused file really is. */
const DETECTED_NAMES: Record<string, string> = {
  exe: "a Windows program",
  elf: "a Linux program",
  macho: "a macOS program",
  msi: "a Windows installer",
  zip: "a ZIP archive",
  "7z": "a 7-Zip archive",
  rar: "a RAR archive",
  gz: "a gzip archive",
  tar: "a tar archive",
  doc: "an old-format Word document (DOC)",
  xls: "an old-format Excel workbook (XLS)",
  cfb: "an old-format Office document",
  gif: "a GIF image",
  webp: "a WebP image",
  tif: "a TIFF image",
  html: "a web page",
  xml: "an XML file",
};

export const ACCEPTED_LIST = "PDF, DOCX, XLSX, PNG or JPEG";

/** Human size: "25 MB", "1.5 MB", "300 KB", "12 bytes" (1 MB = 1,048,576 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

/**
 * The name to keep: the last path segment a browser may send, without control
 * characters or characters a download header or a ZIP entry can't carry safely,
 * at most 200 characters (keeping the extension).
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  let name = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"*:<>?|]/g, "_").replace(/\s+/g, " ").trim();
  name = name.replace(/^\.+/, "");
  if (name.length > 200) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name || "attachment";
}

export function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : null;
}

export type UploadedFile = {
  fileName: string;
  size: number;
  /** More bytes were sent than the limit allows (the upload was cut off there). */
  truncated: boolean;
  /** What `file-type` found in the bytes; undefined when it recognized nothing. */
  detected: { ext: string; mime: string } | undefined;
};

/** Why a file was refused: what the page needs to say so again after the redirect. */
export type Refusal = {
  reason: "missing" | "empty" | "too-large" | "type" | "name";
  fileName: string;
  /** What the bytes really are (file-type's extension), for "type" and "name". */
  detected?: string;
};
export const REFUSAL_REASONS = ["missing", "empty", "too-large", "type", "name"] as const;

export type AttachmentVerdict = { ok: true; type: AcceptedType; contentType: string } | { ok: false; refusal: Refusal };

/** The one rule for a file: present, not empty, within the limit, an accepted type by its bytes, named for what it is. */
export function checkAttachment(file: UploadedFile | null, maxBytes: number): AttachmentVerdict {
  if (!file || (file.fileName === "" && file.size === 0)) return { ok: false, refusal: { reason: "missing", fileName: "" } };
  const fileName = file.fileName;
  if (file.truncated || file.size > maxBytes) return { ok: false, refusal: { reason: "too-large", fileName } };
  if (file.size === 0) return { ok: false, refusal: { reason: "empty", fileName } };
  const detected = file.detected?.ext;
  if (!detected || !(detected in ACCEPTED_TYPES)) return { ok: false, refusal: { reason: "type", fileName, detected } };
  const accepted = detected as AcceptedType;
  const extension = extensionOf(fileName);
  if (!extension || !(ACCEPTED_TYPES[accepted].extensions as readonly string[]).includes(extension)) {
    return { ok: false, refusal: { reason: "name", fileName, detected } };
  }
  return { ok: true, type: accepted, contentType: ACCEPTED_TYPES[accepted].mime };
}

/** The field-level message for a refusal. */
export function refusalMessage(refusal: Refusal, maxBytes: number): string {
  const name = refusal.fileName || "The file";
  switch (refusal.reason) {
    case "missing":
      return "Choose a file to upload.";
    case "too-large":
      return `${name} is larger than ${formatBytes(maxBytes)}. Upload a file of ${formatBytes(maxBytes)} or less.`;
    case "empty":
      return `${name} is empty. Choose the file again.`;
    case "type": {
      const what = refusal.detected ? `really ${DETECTED_NAMES[refusal.detected] ?? `a ${refusal.detected.toUpperCase()} file`}, not` : "not";
      return `${name} is ${what} a ${ACCEPTED_LIST} file (the portal checks what a file contains, not its name). Upload one of those types.`;
    }
    case "name": {
      const type = refusal.detected && refusal.detected in ACCEPTED_TYPES ? ACCEPTED_TYPES[refusal.detected as AcceptedType] : null;
      const extension = extensionOf(refusal.fileName);
      if (!type) return `${name} is not named for what it contains. Rename it, or choose the right file.`;
      return `${name} contains a ${type.label}, but its name ${extension ? `ends in .${extension}` : "has no extension"}. Rename it to end in .${type.extensions[0]}, or choose the right file.`;
    }
  }
}

/**
 * A Content-Disposition header that downloads the file under its name: an ASCII
 * fallback, and the exact name in RFC 5987 encoding for browsers that read it.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Names for the files in a ZIP: the same name twice gets " (2)", " (3)"... before its extension. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const extension = extensionOf(name);
    const stem = extension ? name.slice(0, -(extension.length + 1)) : name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = extension ? `${stem} (${n}).${extension}` : `${stem} (${n})`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
