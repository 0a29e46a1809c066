import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OriginRefusedError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "@/lib/server/errors";
import { errorOutcome } from "./error-map";

describe("the one error map", () => {
  it("gives each error of the data layer its status and Dutch message", () => {
    expect(errorOutcome(new UnauthenticatedError(), "t").status).toBe(401);
    expect(errorOutcome(new ForbiddenError(), "t").status).toBe(403);
    expect(errorOutcome(new OriginRefusedError(), "t")).toMatchObject({ status: 403, message: expect.stringContaining("geweigerd") });
    expect(errorOutcome(new NotFoundError(), "t").status).toBe(404);
    expect(errorOutcome(new ConflictError(), "t").status).toBe(409);
    expect(errorOutcome(new UnsupportedMediaTypeError(), "t").status).toBe(415);
    expect(errorOutcome(new ValidationError({ a: "A", b: "B" }), "t")).toMatchObject({ status: 422, fieldErrors: { a: "A", b: "B" } });
    expect(errorOutcome(new BadRequestError(), "t").status).toBe(400);
    const zod = z.object({ a: z.string({ message: "A ontbreekt." }), b: z.string({ message: "B ontbreekt." }) }).safeParse({}).error!;
    expect(errorOutcome(zod, "t")).toMatchObject({ status: 400, fieldErrors: { a: "A ontbreekt.", b: "B ontbreekt." } });
  });
  it("answers anything else with a generic 500 and logs it without the national number", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const o = errorOutcome(new Error("duplicate key (national_number)=(86062000381)"), "t");
    const printed = spy.mock.calls.flat().join(" ");
    spy.mockRestore();
    expect(o).toEqual({ status: 500, message: "Er ging iets mis. Er werd niets gewijzigd." });
    expect(printed).toContain("duplicate key");
    expect(printed).not.toContain("86062000381");
  });
});
