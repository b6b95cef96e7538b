import { describe, expect, it } from "vitest";
import { navLinksFor, staffNavItems } from "@/app/[clinic]/staff/nav-items";
import { roleCan, staffRoles } from "@/lib/clinics/permissions";

describe("staff navigation", () => {
  it("shows each role the entries its permissions allow, and only those", () => {
    for (const role of staffRoles) {
      const hrefs = navLinksFor("demo", role, "en").map((l) => l.href);
      for (const item of staffNavItems) {
        const href = item.path ? `/demo/staff/${item.path}` : "/demo/staff";
        expect(hrefs.includes(href), `${role} ${href}`).toBe(!item.action || roleCan(role, item.action));
      }
    }
  });

  it("shows the Jobs page to owners only", () => {
    expect(navLinksFor("demo", "owner", "en").map((l) => l.label)).toContain("Jobs");
    for (const role of ["admin", "vet", "receptionist"] as const)
      expect(navLinksFor("demo", role, "es").map((l) => l.label)).not.toContain("Tareas");
  });
});
