// Local signed file URLs: what a valid link looks like, and every way one can be wrong (expired, another key,
// another expiry, another secret, a forged or missing signature, a key that tries to leave the store).
import { describe, expect, it } from "vitest";
import { isValidKey } from "./file-store";
import { checkFilePath, fileUrlKey, signFilePath } from "./signed-path";

const signingKey = fileUrlKey("a-secret-of-at-least-thirty-two-characters");
const key = "clinics/c1/pets/p1/photo.webp";
const at = Date.UTC(2030, 0, 1, 12, 0, 0);

function parts(url: string) {
  const u = new URL(url, "http://x");
  return {
    key: decodeURIComponent(u.pathname.replace(/^\/api\/files\//, "")),
    expires: u.searchParams.get("expires"),
    sig: u.searchParams.get("sig"),
  };
}

describe("signFilePath / checkFilePath", () => {
  const url = signFilePath(signingKey, key, at + 60_000);
  const p = parts(url);

  it("makes /api/files/<key> with an expiry in seconds and a signature", () => {
    expect(url).toMatch(/^\/api\/files\/clinics\/c1\/pets\/p1\/photo\.webp\?expires=\d+&sig=[\w-]{43}$/);
    expect(p.key).toBe(key);
    expect(Number(p.expires)).toBe((at + 60_000) / 1000);
  });

  it("accepts the link until its expiry and refuses it from then on", () => {
    expect(checkFilePath(signingKey, p.key, p.expires, p.sig, at)).toBe("ok");
    expect(checkFilePath(signingKey, p.key, p.expires, p.sig, at + 59_999)).toBe("ok");
    expect(checkFilePath(signingKey, p.key, p.expires, p.sig, at + 60_000)).toBe("expired");
  });

  it("refuses the signature for another key, another expiry or another secret", () => {
    expect(checkFilePath(signingKey, "clinics/c2/pets/p1/photo.webp", p.expires, p.sig, at)).toBe("invalid");
    expect(checkFilePath(signingKey, p.key, String(Number(p.expires) + 3600), p.sig, at)).toBe("invalid");
    const other = fileUrlKey("another-secret-of-at-least-thirty-two-chars");
    expect(checkFilePath(other, p.key, p.expires, p.sig, at)).toBe("invalid");
  });

  it("refuses missing, truncated, altered and non-numeric parts", () => {
    const sig = p.sig ?? "";
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(checkFilePath(signingKey, p.key, p.expires, flipped, at)).toBe("invalid");
    expect(checkFilePath(signingKey, p.key, p.expires, sig.slice(0, -1), at)).toBe("invalid");
    expect(checkFilePath(signingKey, p.key, p.expires, null, at)).toBe("invalid");
    expect(checkFilePath(signingKey, p.key, null, sig, at)).toBe("invalid");
    expect(checkFilePath(signingKey, p.key, "1e12", sig, at)).toBe("invalid");
    expect(checkFilePath(signingKey, p.key, `${p.expires}.5`, sig, at)).toBe("invalid");
  });

  it("refuses a key outside the allowed shape even when signed", () => {
    const bad = "clinics/../../etc/passwd";
    const forged = parts(signFilePath(signingKey, bad, at + 60_000));
    expect(checkFilePath(signingKey, bad, forged.expires, forged.sig, at)).toBe("invalid");
  });
});

describe("isValidKey", () => {
  it("accepts lower-case path segments", () => {
    expect(isValidKey(key)).toBe(true);
    expect(isValidKey("a/b-c_d.e/0")).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["a leading slash", "/clinics/x"],
    ["a trailing slash", "clinics/x/"],
    ["an empty segment", "clinics//x"],
    ["a parent segment", "clinics/../x"],
    ["a dot segment", "clinics/./x"],
    ["a hidden file", "clinics/.env"],
    ["a backslash", "clinics\\x"],
    ["upper case", "Clinics/x"],
    ["a space", "clinics/a b"],
    ["percent-encoding", "clinics/%2e%2e/x"],
    ["a NUL byte", "clinics/a\u0000b"],
    ["more than 200 characters", `a/${"b".repeat(199)}`],
  ])("refuses %s", (_label, k) => {
    expect(isValidKey(k)).toBe(false);
  });
});
