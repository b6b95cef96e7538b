import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorStatus } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { errorText, fieldTexts, hasErrorText } from "./error-text";

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
  }
  throw new Error("expected an AppError");
}

describe("error codes have words in every language", () => {
  it("covers every code of the HTTP status table", () => {
    expect(Object.keys(errorStatus).filter((code) => !hasErrorText(code))).toEqual([]);
  });

  it("covers every error SQL raises (raise exception 'snake_case')", () => {
    const dir = path.join(__dirname, "..", "..", "db", "migrations");
    const raised = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")))
      for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/raise exception '([a-z_]+)'/g))
        raised.add((m[1] as string).toUpperCase());
    expect(raised.size).toBeGreaterThan(10);
    expect([...raised].filter((code) => !hasErrorText(code))).toEqual([]);
  });
});

describe("errorText", () => {
  it("keeps the server's English sentence for English readers and uses the dictionary for Spanish", () => {
    const body = { code: "SLOT_TAKEN", message: "That time was just taken. Please pick another slot." };
    expect(errorText("en", body)).toBe(body.message);
    expect(errorText("es", body)).toBe("Esa hora se acaba de ocupar. Elige otra.");
  });

  it("falls back to a general sentence for a code it does not know, never the English text", () => {
    expect(errorText("es", { code: "SOMETHING_NEW", message: "Raw English" })).toBe(
      "Algo ha fallado por nuestra parte. No se ha cambiado nada; inténtalo de nuevo.",
    );
  });
});

describe("fieldTexts", () => {
  const schema = z.object({
    name: z.string().trim().min(1, "Enter the pet's name").max(80, "At most 80 characters"),
    notes: z.string().max(5),
    email: z.email("Enter a valid email address"),
    weight: z.number().int(),
    kg: z.number().positive(),
    species: z.enum(["dog", "cat"], "Choose a species"),
  });
  const err = caught(() =>
    parseWith(schema, { name: " ", notes: "too long", email: "x", weight: 1.5, kg: 0, species: "owl" }),
  );
  const body = { code: err.code, message: err.message, fields: err.fields, issues: err.issues };

  it("words zod's issues in Spanish from their codes and limits", () => {
    expect(fieldTexts("es", body)).toEqual({
      name: ["Obligatorio."],
      notes: ["Usa como máximo 5 caracteres."],
      email: ["Escribe un correo electrónico válido."],
      weight: ["Usa un número entero."],
      kg: ["Debe ser mayor que 0."],
      species: ["Elige una de las opciones."],
    });
  });

  it("keeps the schema's own English messages for English readers", () => {
    expect(fieldTexts("en", body).name).toEqual(["Enter the pet's name"]);
  });

  it("words a field named by SQL (no zod issue) with the error's code", () => {
    const sql = { code: "PET_BUSY", message: "busy", fields: { startsAt: ["This pet already has one."] } };
    expect(fieldTexts("es", sql)).toEqual({ startsAt: ["Esta mascota ya tiene una cita a esa hora."] });
  });
});
