// Accounts as people use them: sign up from a clinic's link, confirm through the (dev) mailbox, join the
// clinic; reset a forgotten password; see clear sign-in errors; sign out.
import { expect, test, type Page } from "@playwright/test";
import { mailedLink } from "./support";

const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function signUp(page: Page, url: string, name: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("a visitor signs up from the clinic's link, confirms the email and becomes its client", async ({ page }) => {
    const email = unique("new-client");
    await signUp(page, "/sign-up?clinic=demo", "Nora Newcomer", email, "carla-password-1");
    await expect(page.getByText(`We sent a confirmation link to ${email}.`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the development mailbox" })).toBeVisible();

    // Before confirming, signing in is refused with a way to get a new link.
    await page.goto("/sign-in");
    await signIn(page, email, "carla-password-1");
    await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toContainText("Please confirm your email first.");
    await expect(page.getByRole("button", { name: "Send the confirmation link again" })).toBeVisible();

    await page.goto(await mailedLink(page.request, email, "auth.verify_email"));
    await page.waitForURL((url) => url.pathname === "/demo/portal/join");
    await page.getByRole("button", { name: /^Join / }).click();
    await page.waitForURL((url) => url.pathname === "/demo/portal");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The account page shows the signed-in person; the mailbox page lists their mail.
    await page.goto("/account");
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(page.getByTestId("mailbox-message").first()).toContainText("Confirm your email for Vete");
  });
});

test("a person resets a forgotten password through the mailed link, then signs out", async ({ page }) => {
  const email = unique("forgetful");
  await signUp(page, "/sign-up", "Fer Forgetful", email, "first-password-1");
  await page.goto(await mailedLink(page.request, email, "auth.verify_email"));
  await page.waitForURL((url) => url.pathname === "/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  await page.goto("/sign-in");
  await signIn(page, email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toContainText(
    "That email and password do not match.",
  );
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(`If an account exists for ${email}, a reset link is on its way.`)).toBeVisible();

  await page.goto(await mailedLink(page.request, email, "auth.reset_password"));
  await page.waitForURL((url) => url.pathname === "/reset-password");
  await page.getByLabel("New password").fill("second-password-2");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await page.goto("/sign-in?next=/account");
  await signIn(page, email, "first-password-1");
  await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toContainText(
    "That email and password do not match.",
  );
  await signIn(page, email, "second-password-2");
  await page.waitForURL((url) => url.pathname === "/account");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/account");
  await page.waitForURL((url) => url.pathname === "/sign-in");
});

test("the language switch works signed out and is saved on the account when signed in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Iniciar sesión · Vete");
  await page.getByLabel("Correo electrónico").fill("client@demo.vete.test");
  await page.getByLabel("Contraseña").fill("vete-demo-2026");
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a sign-in link cannot send people to another site", async ({ page }) => {
  await page.goto("/sign-in?next=https://evil.example/steal");
  await signIn(page, "vet@demo.vete.test", "vete-demo-2026");
  await page.waitForURL((url) => url.pathname === "/account");
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? "http://localhost").host);
});

test("an invitation opened by the wrong account, or with a bad link, says so clearly", async ({ page, browser }) => {
  const invitee = unique("invitee");
  const owner = await browser.newContext();
  const signedIn = await owner.request.post("/api/auth/sign-in/email", {
    data: { email: "owner@demo.vete.test", password: "vete-demo-2026" },
  });
  expect(signedIn.ok()).toBe(true);
  const invited = await owner.request.post("/api/clinics/demo/invitations", {
    data: { email: invitee, role: "receptionist" },
  });
  expect(invited.status()).toBe(201);
  await owner.close();
  const link = await mailedLink(page.request, invitee, "staff_invitation");

  await page.goto(link);
  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, "client@demo.vete.test", "vete-demo-2026");
  await page.waitForURL((url) => url.pathname === new URL(link).pathname);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByText("This invitation was sent to another email address.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto(`/invitations/${"0".repeat(64)}`);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByText("This invitation link is invalid, expired or already used.")).toBeVisible();
});
