import { describe, expect, it } from "vitest";
import { containsUrl } from "./clinic-fields";

describe("containsUrl", () => {
  it.each([
    "Paws https://evil.example/login",
    "Visit www.example.org now",
    "Claim at paypal-verify.com",
    "HTTP://EVIL.TEST",
    "see bit.ly/x",
  ])("finds a web address in %j", (text) => expect(containsUrl(text)).toBe(true));

  it.each(["Clínica Veterinaria Añil", "Dr. Smith & Co. Vets", "St. Francis Animal Hospital", "Vet 24/7"])(
    "accepts the clinic name %j",
    (text) => expect(containsUrl(text)).toBe(false),
  );
});
