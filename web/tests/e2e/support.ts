// Shared steps for the end-to-end specs: signing in as a person does, reading a mailed link from the dev
// mailbox, an API context signed in as a demo user, the demo's Consultation service with its vets, a fresh
// client account in a chosen language, and the axe accessibility check.
import AxeBuilder from "@axe-core/playwright";
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "vete-demo-2026";

/** Signs in through the /sign-in page and waits to land on `next` (a path). */
export async function signIn(page: Page, email: string, next: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === next);
}

interface MailboxMessage {
  template: string;
  links: string[];
}

/** The newest link of the given template mailed to `to`, as the dev mailbox shows it (polls until it arrives). */
export async function mailedLink(api: APIRequestContext, to: string, template: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await api.get(`/api/dev/mailbox?to=${encodeURIComponent(to)}`);
        if (!res.ok()) return undefined;
        const { messages } = (await res.json()) as { messages: MailboxMessage[] };
        link = messages.find((m) => m.template === template)?.links[0];
        return link;
      },
      { message: `a ${template} mail to ${to}` },
    )
    .toBeTruthy();
  return link as string;
}

/** An API request context with the session cookie of a demo user. */
export async function apiSignedInAs(email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const baseURL = test.info().project.use.baseURL;
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  const res = await ctx.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.status()).toBe(200);
  return ctx;
}

/** The demo's Consultation service and the ids of the vets who perform it, by name, through the API the pages use. */
export async function demoConsultation(api: {
  get(url: string): Promise<{ json(): Promise<unknown> }>;
}): Promise<{ serviceId: string; vetId: (name: string) => string }> {
  const { services, serviceVets } = (await (await api.get("/api/clinics/demo/services")).json()) as {
    services: { id: string; name: string }[];
    serviceVets: { serviceId: string; vetId: string; vetName: string }[];
  };
  const serviceId = (services.find((s) => s.name === "Consultation") as { id: string }).id;
  const vetId = (name: string) =>
    (serviceVets.find((v) => v.serviceId === serviceId && v.vetName === name) as { vetId: string }).vetId;
  return { serviceId, vetId };
}

/**
 * Signs `page` in as a brand-new client of the demo clinic who reads `locale` (sign-up, confirmation link from
 * the dev mailbox, joining the clinic, language choice, all through the app's own routes). A fresh account,
 * so a spec can book and switch language without disturbing the shared demo users.
 */
export async function signInAsNewClient(page: Page, locale: "en" | "es", name = "Elena Prueba"): Promise<string> {
  const baseURL = test.info().project.use.baseURL ?? "";
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const email = `client-${locale}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  expect((await api.post("/api/auth/sign-up/email", { data: { name, email, password: DEMO_PASSWORD } })).ok()).toBe(
    true,
  );
  expect((await api.get(await mailedLink(api, email, "auth.verify_email"))).ok()).toBe(true);
  expect((await api.post("/api/auth/sign-in/email", { data: { email, password: DEMO_PASSWORD } })).status()).toBe(200);
  expect((await api.post("/api/clinics/demo/register", { data: {} })).ok()).toBe(true);
  expect((await api.post("/api/account/locale", { data: { locale } })).ok()).toBe(true);
  await page.context().addCookies((await api.storageState()).cookies);
  await api.dispose();
  return email;
}

/** Runs axe on the page as it is now and fails with a readable list of serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}
