// The fonts invoice PDFs are drawn with, and the rule for text they cannot draw.
//
// The 14 standard PDF fonts encode WinAnsi only: "Łukasz", "Dvořák", "Ğül", Greek, Cyrillic or "≥" made pdf-lib
// throw or came out as "?". DejaVu Sans (npm `dejavu-fonts-ttf`; Bitstream Vera licence for the original glyphs,
// public domain for DejaVu's: free to use, embed and redistribute) covers Latin with every European diacritic,
// Greek, Cyrillic and most symbols and currency signs. Noto Sans was the other candidate; its Latin-Greek-Cyrillic
// build has no "≥"/"≤" or arrows. Each document embeds a subset (only the glyphs it uses), so a typical invoice
// carries about 20 KB of font, not the 1.4 MB of the two files.
//
// The files are read from node_modules once per process. A Vercel function only holds the files Next's output
// tracing found, and a path built at run time is not found by it: web/next.config.ts lists these two files in
// outputFileTracingIncludes for the PDF routes, and `npm run check:vercel` checks they are in those functions.
import "server-only";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/** The package folder with the .ttf files, relative to a node_modules' parent. */
export const FONT_DIR = ["node_modules", "dejavu-fonts-ttf", "ttf"] as const;
export const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;

/** Drawn for a character the fonts lack (most emoji, CJK): U+FFFD, the character Unicode names for this. */
export const PLACEHOLDER = "\uFFFD";

interface LoadedFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** Code points both fonts draw, so text measured in one can be drawn in the other. */
  drawable: ReadonlySet<number>;
}

let loaded: Promise<LoadedFonts> | undefined;

// Next runs with the app folder (web/) or the repository as working directory, a Vercel function in
// /var/task/web with node_modules beside web/: look upwards for node_modules like Node's own resolution does.
// turbopackIgnore: these paths are known only at run time, and without it the build traced the whole repository
// into the function; the two files are included by name in next.config.ts instead.
function fontPaths(): { regular: string; bold: string } {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const regular = path.join(/* turbopackIgnore: true */ dir, ...FONT_DIR, FONT_FILES.regular);
    if (existsSync(/* turbopackIgnore: true */ regular)) {
      return { regular, bold: path.join(/* turbopackIgnore: true */ dir, ...FONT_DIR, FONT_FILES.bold) };
    }
    if (path.dirname(dir) === dir) throw new Error(`invoice PDF fonts not found (${FONT_DIR.join("/")})`);
  }
}

// Parsing the two fonts for every document was half of a render's time, so each is parsed once and shared: pdf-lib
// only reads a font and makes a new subset per document. One catch: fontkit caches a glyph object with the code
// points of the first text that used it, and pdf-lib writes those into the PDF's ToUnicode map (what a viewer
// copies or searches). A subset that draws "Ğ" creates the "G" it is built from with no code points, so a later
// document's "G" read back as garbage. Creating every mapped glyph up front with its own code point prevents that.
const parsed = new WeakMap<Uint8Array, fontkit.Font>();

function parseOnce(bytes: Uint8Array): fontkit.Font {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    for (const cp of font.characterSet) font.glyphForCodePoint(cp);
    parsed.set(bytes, font);
  }
  return font;
}

const sharedFontkit: typeof fontkit = { ...fontkit, create: parseOnce };

async function loadFonts(): Promise<LoadedFonts> {
  const paths = fontPaths();
  const [regular, bold] = await Promise.all([
    readFile(/* turbopackIgnore: true */ paths.regular),
    readFile(/* turbopackIgnore: true */ paths.bold),
  ]);
  const [regularFont, boldFont] = [parseOnce(regular), parseOnce(bold)];
  const drawable = new Set(regularFont.characterSet.filter((cp) => boldFont.hasGlyphForCodePoint(cp)));
  return { regular, bold, drawable };
}

/** The font bytes and their character set, read once per process (a failed read is retried next time). */
function fonts(): Promise<LoadedFonts> {
  loaded ??= loadFonts().catch((e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  /** The text as it will be drawn; see printable(). */
  printable(text: string): string;
}

/** Embeds the regular and bold fonts into a document, as subsets written when the document is saved. */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  const f = await fonts();
  doc.registerFontkit(sharedFontkit);
  // No ligatures: "fi" stays two glyphs, so text copied or searched in a viewer reads as typed. No glyph
  // positioning (kerning, mark placement): pdf-lib draws by advance widths only, so computing it was wasted work.
  const options = { subset: true, features: { liga: false, kern: false, mark: false, mkmk: false } };
  const [regular, bold] = await Promise.all([doc.embedFont(f.regular, options), doc.embedFont(f.bold, options)]);
  return { regular, bold, printable: (text) => printable(text, f.drawable) };
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Splits text into user-perceived characters (a letter with its accents, an emoji with its modifiers). */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * The rule for text the fonts cannot draw; it never throws, and nothing typed disappears without a trace:
 * 1. The text is normalised to NFC, so a letter typed with a combining accent becomes the precomposed letter.
 * 2. Each user-perceived character (grapheme cluster) is drawn as typed when both fonts have a glyph for every
 *    code point in it.
 * 3. Otherwise a whitespace character (a tab, an unusual space) becomes a plain space, and anything else (an emoji
 *    the fonts lack, a CJK ideograph, a control character) becomes one PLACEHOLDER per cluster, so a family emoji
 *    built from seven code points shows as one mark, not seven.
 */
export function printable(text: string, drawable: ReadonlySet<number>): string {
  const nfc = text.normalize("NFC");
  if (Array.from(nfc).every((c) => drawable.has(c.codePointAt(0) ?? -1))) return nfc; // the usual case, and fast
  let out = "";
  for (const cluster of splitGraphemes(nfc)) {
    if (Array.from(cluster).every((c) => drawable.has(c.codePointAt(0) ?? -1))) out += cluster;
    else out += /^\s+$/u.test(cluster) ? " " : PLACEHOLDER;
  }
  return out;
}
