// The signed-in person changes their name and/or language. Goes through better-auth so the session
// cookie cache carries the new values at once; returns better-auth's Set-Cookie headers.
import "server-only";
import { z } from "zod";
import { parseWith } from "@/lib/validation/parse";
import { getAuth } from "./auth";

export const updateProfileSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter your name.").max(120).optional(),
  locale: z.enum(["en", "es"]).optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export async function updateProfile(headers: Headers, input: UpdateProfileInput): Promise<Headers> {
  const data = parseWith(updateProfileSchema, input);
  const body: Record<string, string> = {};
  if (data.name !== undefined) body.name = data.name;
  if (data.locale !== undefined) body.locale = data.locale;
  if (Object.keys(body).length === 0) return new Headers();
  const res = await getAuth().api.updateUser({ headers, body, asResponse: true });
  if (!res.ok) throw new Error(`update-user failed with ${res.status}`);
  return res.headers;
}
