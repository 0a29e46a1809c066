import "server-only";
// The first step of every data-layer function that takes user input: the input through its zod
// schema, or a ValidationError with the first message of every field at once (nothing changed).
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/domain/kit";
import { ValidationError } from "@/lib/server/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}
