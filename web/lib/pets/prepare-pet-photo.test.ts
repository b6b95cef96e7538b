// The photo pipeline on real images made with sharp: type by content, limits, resizing into the box, and no
// metadata (EXIF with a GPS position) left in what we keep.
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_PHOTO_BYTES, PHOTO_BOX_PIXELS, preparePetPhoto, sniffPhotoType } from "./prepare-pet-photo";

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

async function refusal(bytes: Uint8Array): Promise<AppError> {
  const err = await preparePetPhoto(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe("sniffPhotoType", () => {
  it("reads JPEG, PNG and WebP from their first bytes", async () => {
    expect(sniffPhotoType(await image(4, 4).jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffPhotoType(await image(4, 4).png().toBuffer())).toBe("image/png");
    expect(sniffPhotoType(await image(4, 4).webp().toBuffer())).toBe("image/webp");
  });

  it("refuses GIF, SVG, text and an empty file", async () => {
    expect(sniffPhotoType(await image(4, 4).gif().toBuffer())).toBeNull();
    expect(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPhotoType(Buffer.from("just text, named photo.jpg"))).toBeNull();
    expect(sniffPhotoType(new Uint8Array())).toBeNull();
  });
});

describe("preparePetPhoto", () => {
  it("scales a large photo into the 1024-pixel box, keeping its proportions, as WebP", async () => {
    const out = await preparePetPhoto(await image(3000, 1500).jpeg().toBuffer());
    expect(out).toMatchObject({ contentType: "image/webp", width: PHOTO_BOX_PIXELS, height: 512 });
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: PHOTO_BOX_PIXELS, height: 512 });
  });

  it("does not enlarge a small photo", async () => {
    const out = await preparePetPhoto(await image(300, 200).png().toBuffer());
    expect([out.width, out.height]).toEqual([300, 200]);
  });

  it("removes EXIF, including a GPS position and the camera's words", async () => {
    const marker = "VeteSecretCameraOwner";
    const input = await image(64, 48)
      .withExif({
        IFD0: { Copyright: marker, Artist: marker },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "40/1 25/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "3/1 42/1 0/1" },
      })
      .jpeg()
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from(marker))).toBe(true);
    const out = await preparePetPhoto(input);
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(out.bytes.includes(Buffer.from(marker))).toBe(false);
  });

  it("turns a photo upright from its EXIF orientation before dropping it", async () => {
    // orientation 6: the camera was turned; the stored 80x40 pixels show a 40x80 picture
    const input = await image(80, 40).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const out = await preparePetPhoto(input);
    expect([out.width, out.height]).toEqual([40, 80]);
  });

  it("refuses a file that is not an image by its content, whatever it claims, on the photo field", async () => {
    const err = await refusal(Buffer.from("GIF89a not really"));
    expect(err).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415, fields: { photo: [expect.any(String)] } });
  });

  it("refuses a file over 5 MB with 413 on the photo field", async () => {
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0);
    big.set([0xff, 0xd8, 0xff], 0);
    expect(await refusal(big)).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      status: 413,
      fields: { photo: [expect.any(String)] },
    });
  });

  it("refuses a truncated JPEG and an empty file with 422 on the photo field", async () => {
    const jpeg = await image(200, 200).jpeg().toBuffer();
    expect(await refusal(jpeg.subarray(0, 200))).toMatchObject({
      code: "INVALID_INPUT",
      status: 422,
      fields: { photo: [expect.any(String)] },
    });
    expect(await refusal(new Uint8Array())).toMatchObject({
      code: "INVALID_INPUT",
      fields: { photo: [expect.any(String)] },
    });
  });

  it("refuses a small PNG that claims a huge canvas (decompression bomb) without decoding it", async () => {
    // a real 8x8 PNG whose header is rewritten to claim 20000x20000 pixels (with a valid checksum)
    const png = Buffer.from(await image(8, 8).png().toBuffer());
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    expect((await sharp(png, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    expect(await refusal(png)).toMatchObject({ code: "INVALID_INPUT", fields: { photo: [expect.any(String)] } });
  });
});
