// Small real files of each kind, made here (no binary fixtures in the repository):
// what the type check must accept, and what it must refuse whatever its name.
import { PDFDocument, StandardFonts } from "pdf-lib";
import yazl from "yazl";

/** A one-page PDF. */
export async function pdfFile(text = "Technical specification"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** A 1x1 PNG. */
export const pngFile = () =>
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A 1x1 JPEG (JFIF). */
export const jpegFile = () =>
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
    "base64",
  );

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.${main.startsWith("word") ? "wordprocessingml.document" : "spreadsheetml.sheet"}.main+xml"/></Types>`;

/** A minimal Word document: a ZIP container with the OOXML parts that name it. */
export const docxFile = () => zipOf({ "[Content_Types].xml": contentTypes("word/document.xml"), "word/document.xml": "<w:document/>" });

/** A minimal Excel workbook. */
export const xlsxFile = () => zipOf({ "[Content_Types].xml": contentTypes("xl/workbook.xml"), "xl/workbook.xml": "<workbook/>" });

/** A plain ZIP archive. */
export const zipFile = () => zipOf({ "readme.txt": "not a document" });

/** A Linux executable's header. */
export const elfFile = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(256, 0)]);

/** A Windows executable's header ("MZ", then the PE offset and signature). */
export function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(512, 0);
  bytes.write("MZ", 0, "ascii");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "binary");
  return bytes;
}
