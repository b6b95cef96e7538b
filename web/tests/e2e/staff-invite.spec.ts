// The staff invitation journey as people do it: the demo owner invites a new vet from the team page,
// the vet opens the mailed link (dev mailbox), creates an account, confirms the email, accepts, and
// lands in the clinic's staff area; the owner then sees the vet on the team.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const PASSWORD = "vete-demo-2026";

interface MailboxMessage {
  template: string;
  recipient: string;
  links: string[];
}

/** The newest link of the given template mailed to `to`, as the dev mailbox shows it. */
async function mailedLink(request: APIRequestContext, to: string, template: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(to)}`);
      if (!res.ok()) return undefined;
      const { messages } = (await res.json()) as { messages: MailboxMessage[] };
      link = messages.find((m) => m.template === template)?.links[0];
      return link;
    }, { message: `a ${template} mail to ${to}` })
    .toBeTruthy();
  return link as string;
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

test("an owner invites a vet who signs up, accepts and lands in the staff area", async ({ page, browser }) => {
  const vetEmail = `new-vet-${Date.now()}@example.test`;

  await signIn(page, "owner@demo.vete.test", "/demo/staff/team");
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(vetEmail);
  await page.getByLabel("Role").selectOption("vet");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${vetEmail}.`)).toBeVisible();
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Pending invitations" }) })).toContainText(vetEmail);

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
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Pending invitations" }) })).not.toContainText(vetEmail);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("a vet sees the staff nav and is told that only owners and admins manage the team", async ({ page }) => {
    await signIn(page, "vet@demo.vete.test", "/demo/staff");
    const nav = page.getByRole("navigation", { name: "Menu" });
    for (const label of ["Today", "Clients", "Team", "Settings"]) await expect(nav.getByRole("link", { name: label })).toBeVisible();
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
});
