// A PDF download: the bytes with their type, a file name, and no caching (invoices are private documents).
import "server-only";

export function pdfResponse(file: { filename: string; bytes: Uint8Array }): Response {
  // names are document numbers (2026-000123.pdf); anything else is stripped so the header stays valid
  const safe = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${safe}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
