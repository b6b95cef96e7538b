import { describe, expect, it } from "vitest";
import { headerSafe } from "./header-safe";
import { renderMessage } from "./render";

describe("headerSafe", () => {
  it("turns CR, LF, tabs and other control characters into one space", () => {
    expect(headerSafe("Paws\r\nBcc: victim@example.test\u0000\u2028x")).toBe("Paws Bcc: victim@example.test x");
  });

  it("leaves ordinary text, accents and emoji alone", () => {
    expect(headerSafe("Clínica Veterinaria Añil 🐾")).toBe("Clínica Veterinaria Añil 🐾");
  });

  it("is applied to every rendered subject", () => {
    const { subject } = renderMessage(
      "staff_invitation",
      "en",
      { clinic_name: "Evil\r\nBcc: everyone@example.test", role: "vet", path: "/invitations/x" },
      { appUrl: "http://localhost:3000" },
    );
    expect(subject).toBe("You're invited to join Evil Bcc: everyone@example.test");
  });
});
