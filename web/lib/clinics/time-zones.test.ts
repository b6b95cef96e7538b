import { describe, expect, it } from "vitest";
import { canonicalTimeZone, commonTimeZones } from "./time-zones";

describe("canonicalTimeZone", () => {
  it("accepts every zone offered in the settings select", () => {
    for (const zone of commonTimeZones) expect(canonicalTimeZone(zone)).toBe(zone);
  });

  it("fixes the capitalisation of a typed zone", () => {
    expect(canonicalTimeZone(" europe/madrid ")).toBe("Europe/Madrid");
  });

  it("rejects names that are not IANA zones", () => {
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone("Europe/Madrid; drop table clinics")).toBeNull();
  });
});
