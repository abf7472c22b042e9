// Text on PDF pages made with pdf-lib's standard fonts: wrapping to a width, and
// what WinAnsi (the standard fonts' encoding) can show.
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";

/** Splits text into lines that fit `width` points in `font` at `size`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** WinAnsi (the standard fonts' encoding) can't show every character a person may type. */
export const printable = (text: string) => text.normalize("NFKD").replace(/[^\x20-\x7E\n]/g, "?");

/** Writes wrapped lines down US Letter pages, adding a page when one fills. */
export function pageWriter(doc: PDFDocument, regular: PDFFont, margin = 56) {
  let page: PDFPage = doc.addPage([612, 792]);
  let y = 792 - margin;
  const width = 612 - margin * 2;
  return (text: string, { font = regular, size = 11, gap = 4, indent = 0 }: { font?: PDFFont; size?: number; gap?: number; indent?: number } = {}) => {
    for (const line of wrap(printable(text), font, size, width - indent)) {
      if (y < margin + size) {
        page = doc.addPage([612, 792]);
        y = 792 - margin;
      }
      page.drawText(line, { x: margin + indent, y, size, font, color: rgb(0.07, 0.1, 0.2) });
      y -= size + gap;
    }
  };
}
