// What a promise rejected with, for tests that look at the error itself (its code, fields or SQLSTATE).
import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The rejection; a promise that resolves fails the test. */
export async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected the promise to reject");
}

/** The AppError the promise rejected with; anything else fails the test. */
export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await caught(p);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
