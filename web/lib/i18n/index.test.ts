import { describe, expect, it } from "vitest";
import { defineMessages, resolveLocale, translator } from "./index";

const messages = defineMessages({
  en: { hello: "Hello {name}", only: "Only" },
  es: { hello: "Hola {name}", only: "Solo" },
});

describe("translator", () => {
  it("interpolates variables in the chosen language", () => {
    expect(translator("es", messages)("hello", { name: "Ana" })).toBe("Hola Ana");
    expect(translator("en", messages)("hello", { name: "Ana" })).toBe("Hello Ana");
  });
  it("leaves unknown placeholders visible instead of dropping them", () => {
    expect(translator("en", messages)("hello")).toBe("Hello {name}");
  });
});

describe("resolveLocale", () => {
  it("prefers the user's choice, then a cookie, then the clinic default", () => {
    expect(resolveLocale("es", "en", "en")).toBe("es");
    expect(resolveLocale(null, "es", null)).toBe("es");
    expect(resolveLocale(null, "es", "en")).toBe("en");
    expect(resolveLocale("fr", "de", null)).toBe("en");
  });
});
