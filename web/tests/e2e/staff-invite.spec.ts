// The staff invitation journey as people do it: the demo owner invites a new vet from the team page,
// the vet opens the mailed link (dev mailbox), creates an account, confirms the email, accepts, and
// lands in the clinic's staff area; the owner then sees the vet on the team.
import { expect, test } from "@playwright/test";
import { apiSignedInAs, DEMO_PASSWORD as PASSWORD, mailedLink, signIn } from "./support";

test("an owner invites a vet who signs up, accepts and lands in the staff area", async ({ page, browser }) => {
  const vetEmail = `new-vet-${Date.now()}@example.test`;

  await signIn(page, "owner@demo.vete.test", "/demo/staff/team");
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(vetEmail);
  await page.getByLabel("Role").selectOption("vet");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${vetEmail}.`)).toBeVisible();
  await expect(
    page.locator("section", { has: page.getByRole("heading", { name: "Pending invitations" }) }),
  ).toContainText(vetEmail);

  const vetContext = await browser.newContext();
  const vet = await vetContext.newPage();
  const invitationLink = await mailedLink(vet.request, vetEmail, "staff_invitation");
  expect(new URL(invitationLink).pathname).toMatch(/^\/invitations\/[0-9a-f]{64}$/);
  await vet.goto(invitationLink);
  await vet.getByRole("link", { name: "Create an account" }).click();
  await vet.getByLabel("Name").fill("Valeria Vet");
  await vet.getByLabel("Email").fill(vetEmail);
  await vet.getByLabel("Password").fill(PASSWORD);
  await vet.getByRole("button", { name: "Create account" }).click();
  await expect(vet.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await vet.goto(await mailedLink(vet.request, vetEmail, "auth.verify_email"));
  await vet.waitForURL((url) => url.pathname === new URL(invitationLink).pathname);
  await vet.getByRole("button", { name: "Accept invitation" }).click();
  await vet.waitForURL((url) => url.pathname === "/demo/staff");
  await expect(vet.getByRole("heading", { name: "Today at Vete Demo Clinic" })).toBeVisible();
  await expect(vet.getByText("Your role: Vet")).toBeVisible();
  await vetContext.close();

  await page.reload();
  const members = page.locator("section", { has: page.getByRole("heading", { name: "Members" }) });
  await expect(members).toContainText("Valeria Vet");
  await expect(members).toContainText(vetEmail);
  await expect(
    page.locator("section", { has: page.getByRole("heading", { name: "Pending invitations" }) }),
  ).not.toContainText(vetEmail);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("a vet sees the staff nav and is told that only owners and admins manage the team", async ({ page }) => {
    await signIn(page, "vet@demo.vete.test", "/demo/staff");
    const nav = page.getByRole("navigation", { name: "Menu" });
    for (const label of ["Today", "Clients", "Team", "Settings"])
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    await nav.getByRole("link", { name: "Team" }).click();
    await expect(page.getByText("Only the clinic's owners and admins can manage this.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});

test("a client of the clinic is refused the staff area, and a visitor is sent to sign in", async ({ page }) => {
  await page.goto("/demo/staff/team");
  await page.waitForURL((url) => url.pathname === "/sign-in");
  expect(new URL(page.url()).searchParams.get("next")).toBe("/demo/staff");

  await signIn(page, "client@demo.vete.test", "/demo/staff");
  await expect(page.getByRole("heading", { name: "This area is for Vete Demo Clinic's team" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open your client portal" })).toHaveAttribute("href", "/demo/portal");
});

test("the staff area answers a signed-in client with HTTP 403, not a 200 page", async () => {
  const api = await apiSignedInAs("client@demo.vete.test");
  for (const path of ["/demo/staff", "/demo/staff/calendar", "/demo/staff/clients", "/demo/staff/team"]) {
    const res = await api.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
    expect(await res.text(), path).toContain("This area is for Vete Demo Clinic");
  }
  const staff = await apiSignedInAs("owner@demo.vete.test");
  expect((await staff.get("/demo/staff/team", { maxRedirects: 0 })).status()).toBe(200);
});

test("an owner creates a second clinic, lands in its staff area and edits its settings", async ({ page }) => {
  const slug = `e2e-${Date.now().toString(36)}`;
  await signIn(page, "owner@demo.vete.test", "/new-clinic");
  await page.getByLabel("Clinic name").fill("Second Paws");
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Currency (ISO code)").fill("ZZZ");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("Unknown currency code.")).toBeVisible();
  await page.getByLabel("Currency (ISO code)").fill("usd");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await page.waitForURL((url) => url.pathname === `/${slug}/staff`);
  await expect(page.getByRole("heading", { name: "Today at Second Paws" })).toBeVisible();
  await expect(page.getByText("Your role: Owner")).toBeVisible();

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Time zone").selectOption({ label: "Other (type an IANA name)" });
  await page.getByLabel("IANA time zone, e.g. Europe/Madrid").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Unknown time zone; use an IANA name such as Europe/Madrid.")).toBeVisible();
  await page.getByLabel("IANA time zone, e.g. Europe/Madrid").fill("asia/tokyo");
  await page.getByLabel("Phone (optional)").fill("+81 3 0000 0000");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("IANA time zone, e.g. Europe/Madrid")).toHaveValue("Asia/Tokyo");
  await expect(page.getByLabel("Phone (optional)")).toHaveValue("+81 3 0000 0000");
});

test("the clinic API answers bad input with 422 and field names, and wrong roles with 403", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  const api = page.request;
  const patch = await api.patch("/api/clinics/demo", { data: { name: "Taken over" } });
  expect(patch.status()).toBe(403);
  expect(
    (await api.post("/api/clinics/demo/invitations", { data: { email: "x@example.test", role: "vet" } })).status(),
  ).toBe(403);
  const staff = await api.get("/api/clinics/demo/staff");
  expect(staff.status()).toBe(200);
  expect(((await staff.json()) as { staff: unknown[] }).staff.length).toBeGreaterThanOrEqual(3);

  const create = await api.post("/api/clinics", {
    data: { slug: "A", name: "", timeZone: "Mars/Base", currency: "EURO", defaultLocale: "fr" },
  });
  expect(create.status()).toBe(422);
  const { error } = (await create.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(error.code).toBe("INVALID_INPUT");
  expect(Object.keys(error.fields).sort()).toEqual(["currency", "defaultLocale", "name", "slug", "timeZone"]);
  const reserved = await api.post("/api/clinics", {
    data: { slug: "new-clinic", name: "Sneaky", timeZone: "UTC", currency: "EUR" },
  });
  expect(reserved.status()).toBe(422);
  expect(((await reserved.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(
    "slug",
  );

  await page.context().clearCookies();
  await signIn(page, "owner@demo.vete.test", "/demo/staff");
  const badId = await api.delete("/api/clinics/demo/staff/not-a-uuid");
  expect(badId.status()).toBe(422);
  expect(((await badId.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(
    "userId",
  );
  const badInvite = await api.post("/api/clinics/demo/invitations", { data: { email: "not an email", role: "boss" } });
  expect(badInvite.status()).toBe(422);
  expect(
    Object.keys(((await badInvite.json()) as { error: { fields: Record<string, string[]> } }).error.fields).sort(),
  ).toEqual(["email", "role"]);
  expect((await api.patch("/api/clinics/demo", { data: { slug: "renamed" } })).status()).toBe(422);
});
