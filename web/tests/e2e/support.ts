// Shared steps for the end-to-end specs: signing in as a person does, reading a mailed link from the dev
// mailbox, an API context signed in as a demo user, and the demo's Consultation service with its vets.
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
