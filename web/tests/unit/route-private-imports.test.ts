// The lint rule that keeps a route's _components private: run the project's real ESLint config over small
// files placed (virtually) in the app tree and check which imports it reports.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });

async function reported(file: string, source: string): Promise<string[]> {
  const code = `import { x } from "${source}";\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, "web/app", file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "vete/route-private-imports").map((m) => m.message);
}

describe("vete/route-private-imports", () => {
  it("reports a staff page importing the portal's private components, by relative path or alias", async () => {
    expect(await reported("[clinic]/staff/calendar/page.tsx", "../../portal/_components/pet-form")).toHaveLength(1);
    expect(await reported("[clinic]/staff/calendar/page.tsx", "@/app/[clinic]/portal/book/_components/x")).toEqual([
      expect.stringContaining("private to the route folder 'app/[clinic]/portal/book'"),
    ]);
  });

  it("reports a parent route reaching into a child route's _components", async () => {
    expect(await reported("[clinic]/page.tsx", "./portal/_components/pet-form")).toHaveLength(1);
  });

  it("reports a file taken from a sibling route's folder", async () => {
    expect(await reported("[clinic]/staff/team/invite-form.tsx", "../settings/send-json")).toHaveLength(1);
  });

  it("allows shared components, the route's own and its ancestors' _components, and a child's action", async () => {
    expect(await reported("[clinic]/staff/calendar/page.tsx", "@/app/_components/button")).toEqual([]);
    expect(await reported("[clinic]/portal/book/page.tsx", "./_components/booking-flow")).toEqual([]);
    expect(await reported("[clinic]/portal/pets/[petId]/page.tsx", "../../_components/archive-pet-button")).toEqual([]);
    expect(await reported("[clinic]/page.tsx", "./portal/join/actions")).toEqual([]);
    expect(await reported("[clinic]/staff/calendar/page.tsx", "@/lib/format/time")).toEqual([]);
  });
});
