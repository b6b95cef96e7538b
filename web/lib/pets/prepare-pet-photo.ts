// Turns an uploaded file into the photo we keep: the type is read from the bytes (never from the name or the
// browser's claim), the size and pixel count are bounded, the image is turned upright, scaled to fit a
// 1024-pixel box and re-encoded as WebP. Re-encoding drops every bit of metadata (EXIF, GPS position,
// camera serials, ICC comments): sharp writes none unless asked to.
import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_BOX_PIXELS = 1024;
/** Decoding stops above this many pixels: a small PNG can claim a huge canvas (a decompression bomb). */
const MAX_INPUT_PIXELS = 40_000_000;

export type PhotoType = "image/jpeg" | "image/png" | "image/webp";

/** The image type from the file's first bytes, or null if it is none we accept. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const at = (i: number, ...values: number[]) => values.every((v, j) => bytes[i + j] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}

function photoError(code: "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INVALID_INPUT", message: string) {
  return new AppError(code, message, { fields: { photo: [message] } });
}

export const photoTooLarge = () => photoError("PAYLOAD_TOO_LARGE", "The photo is larger than 5 MB.");

export interface PreparedPhoto {
  bytes: Buffer;
  contentType: "image/webp";
  width: number;
  height: number;
}

export async function preparePetPhoto(input: Uint8Array): Promise<PreparedPhoto> {
  if (input.byteLength === 0) throw photoError("INVALID_INPUT", "Choose a photo to upload.");
  if (input.byteLength > MAX_PHOTO_BYTES) throw photoTooLarge();
  if (!sniffPhotoType(input)) throw photoError("UNSUPPORTED_MEDIA_TYPE", "Use a JPEG, PNG or WebP image.");
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize(PHOTO_BOX_PIXELS, PHOTO_BOX_PIXELS, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: "image/webp", width: info.width, height: info.height };
  } catch {
    // A truncated or corrupt file, or one past the pixel limit: the person can fix it by choosing another.
    throw photoError("INVALID_INPUT", "This image could not be read; try another photo.");
  }
}
