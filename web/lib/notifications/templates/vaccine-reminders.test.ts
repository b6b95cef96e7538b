import { describe, expect, it } from "vitest";
import { renderMessage } from "../render";

const ctx = { appUrl: "https://vete.example" };
const payload = {
  clinic_name: "Vete Centro",
  clinic_phone: "+34 910 000 000",
  client_name: "Carla",
  path: "/centro/portal/book",
  items: [
    { pet_name: "Luna", vaccine_name: "Rabies", due_on: "2026-12-20", overdue: false },
    { pet_name: "Milo", vaccine_name: "FVRCP", due_on: "2026-11-20", overdue: true },
  ],
};

describe("vaccine reminder template", () => {
  it("lists every pet and vaccine with its due date and a booking link, in English and Spanish", () => {
    const en = renderMessage("vaccine.reminder", "en", payload, ctx);
    expect(en.subject).toBe("Vaccines for Luna and Milo: Vete Centro");
    expect(en.text).toContain("Luna: Rabies, due on 20 December 2026");
    expect(en.text).toContain("Milo: FVRCP, was due on 20 November 2026");
    expect(en.text).toContain("https://vete.example/centro/portal/book");
    const es = renderMessage("vaccine.reminder", "es", payload, ctx);
    expect(es.text).toContain("Luna: Rabies, toca el 20 de diciembre de 2026");
    expect(es.text).toContain("Pedir cita");
  });
});
