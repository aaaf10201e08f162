// Word documents (.docx) read through mammoth into HTML, then into the importer's Markdown
// (lib/domain/document/html.ts): the same mapping, preview and report as a Markdown document.
import mammoth from "mammoth";
import { htmlToMarkdown } from "@/lib/domain/document/html";

// Word's own styles the template uses: its title is the document's heading, and a caption (often
// under its table in Word) is marked so the converter can put it where the importer looks.
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Caption'] => p.agp-caption:fresh",
  "p[style-name='caption'] => p.agp-caption:fresh",
];

/** A .docx as the importer's Markdown; throws when the bytes are not a Word document. */
export async function docxToMarkdown(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    // Images would arrive as data: URLs; the specification has nothing to read in them.
    { styleMap, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
  );
  return htmlToMarkdown(html);
}
