import { describe, expect, it } from "vitest";
import { renderMessage } from "../render";
import { formatAppointmentTime } from "./appointments";

const ctx = { appUrl: "https://vete.example" };
const payload = {
  clinic_name: "Vete Centro",
  pet_name: "Luna",
  service_name: "Vaccination",
  vet_name: "Dr Ana Vega",
  starts_at: "2026-12-01T08:00:00+00:00",
  time_zone: "Europe/Madrid",
  instructions: "Bring the card",
  path: "/centro/portal/appointments",
};

describe("appointment templates", () => {
  it("shows the start in the clinic's zone, not UTC", () => {
    expect(formatAppointmentTime(payload.starts_at, "Europe/Madrid", "en")).toContain("09:00");
    expect(formatAppointmentTime(payload.starts_at, "America/New_York", "en")).toContain("03:00");
  });

  it("renders booked, rescheduled, cancelled and declined in English and Spanish with a link", () => {
    const booked = renderMessage("appointment.booked", "en", payload, ctx);
    expect(booked.subject).toContain("Luna");
    expect(booked.text).toContain("Vaccination for Luna with Dr Ana Vega");
    expect(booked.text).toContain("Instructions: Bring the card");
    expect(booked.text).toContain("https://vete.example/centro/portal/appointments");
    expect(renderMessage("appointment.booked", "es", payload, ctx).text).toContain(
      "Vaccination para Luna con Dr Ana Vega",
    );
    const moved = renderMessage(
      "appointment.rescheduled",
      "en",
      { ...payload, previous_starts_at: "2026-11-30T16:00:00Z" },
      ctx,
    );
    expect(moved.text).toContain("17:00");
    expect(renderMessage("appointment.cancelled", "es", { ...payload, reason: "Enfermedad" }, ctx).text).toContain(
      "Motivo: Enfermedad",
    );
    expect(
      renderMessage("appointment.request_declined", "en", { ...payload, message: "Fully booked" }, ctx).text,
    ).toContain("Message from the clinic: Fully booked");
  });

  it("escapes payload text in the HTML part", () => {
    const html = renderMessage("appointment.booked", "en", { ...payload, pet_name: "<b>Rex</b>" }, ctx).html;
    expect(html).toContain("&lt;b&gt;Rex&lt;/b&gt;");
    expect(html).not.toContain("<b>Rex</b>");
  });
});
