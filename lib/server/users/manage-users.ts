import "server-only";
// User management for ADMINs: create, change role/office/agency, disable, reset password.
// Every change is audited; a STAFF member must have an office (their agency follows from it),
// a MANAGER has an agency or none (all of Flanders), an ADMIN has neither. Disabling a user or
// changing their role, office/agency or password ends all their sessions in the same transaction.
import { hash } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "@/lib/db/seed";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { endUserSessions, type SessionEndReason } from "@/lib/server/auth/user-sessions";
import { db } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { createUserSchema, updateUserSchema } from "./users.schema";
import { fieldErrorsOf } from "@/lib/domain/kit";
import type { MsgLike } from "@/lib/i18n/message";
import type { z } from "zod";

const userFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  agencyCode: true,
  officeCode: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export async function listUsers(actor: Actor) {
  assertCan(actor, "user.manage");
  return db.user.findMany({ select: userFields, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

export async function getUser(actor: Actor, id: string) {
  assertCan(actor, "user.manage");
  const user = /^[0-9a-f-]{36}$/i.test(id) ? await db.user.findUnique({ where: { id }, select: userFields }) : null;
  if (!user) throw new NotFoundError();
  return user;
}

export async function listOfficesAndAgencies() {
  const [agencies, offices] = await Promise.all([
    db.agency.findMany({ select: { code: true, label: true }, orderBy: { label: "asc" } }),
    db.office.findMany({ where: { active: true }, select: { code: true, label: true, agencyCode: true }, orderBy: [{ agencyCode: "asc" }, { label: "asc" }] }),
  ]);
  return { agencies, offices };
}

type Placement = { agencyCode: string | null; officeCode: string | null };

/** Resolves the agency/office pair for a role, from the office when there is one; a problem is a field error. */
async function placement(
  role: "STAFF" | "MANAGER" | "ADMIN",
  officeCode: string | null,
  agencyCode: string | null,
): Promise<Placement | { error: Record<string, MsgLike> }> {
  if (role === "ADMIN") return { agencyCode: null, officeCode: null };
  if (role === "MANAGER") {
    if (agencyCode && !(await db.agency.findUnique({ where: { code: agencyCode } }))) return { error: { agencyCode: "form.unknownAgency" } };
    return { agencyCode, officeCode: null };
  }
  if (!officeCode) return { error: { officeCode: "users.officeRequired" } };
  const office = await db.office.findUnique({ where: { code: officeCode }, select: { agencyCode: true } });
  if (!office) return { error: { officeCode: "form.unknownOffice" } };
  return { agencyCode: office.agencyCode, officeCode };
}

/**
 * Every error of a user form at once: zod's field errors, the office or agency (when the role
 * parsed) and the e-mail address already taken, together instead of one round each.
 */
async function parseUserForm<S extends typeof createUserSchema | typeof updateUserSchema>(schema: S, input: unknown, emailTakenUnless?: string) {
  const parsed = schema.safeParse(input);
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const errors: Record<string, MsgLike> = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  const role = parsed.success ? parsed.data.role : updateUserSchema.shape.role.safeParse(raw.role).data;
  const code = (k: "officeCode" | "agencyCode") => (parsed.success ? parsed.data[k] : (updateUserSchema.shape[k].safeParse(raw[k]).data ?? null));
  let place: Placement | null = null;
  if (role !== undefined && errors.officeCode === undefined && errors.agencyCode === undefined) {
    const p = await placement(role, code("officeCode"), code("agencyCode"));
    if ("error" in p) Object.assign(errors, p.error);
    else place = p;
  }
  if (emailTakenUnless === undefined && errors.email === undefined) {
    const email = createUserSchema.shape.email.safeParse(raw.email);
    if (email.success && (await db.user.findUnique({ where: { email: email.data } }))) errors.email = "users.emailTaken";
  }
  if (!parsed.success || !place || Object.keys(errors).length) throw new ValidationError(errors);
  return { value: parsed.data as z.output<S>, place };
}

export async function createUser(actor: Actor, input: unknown) {
  assertCan(actor, "user.manage");
  return insertUser(actor, input, null);
}

/**
 * `npm run user:create`: an operator on the server creates a user (the first admin of a fresh
 * installation, when there is nobody to sign in as). Same rules and audit as createUser, with
 * no actor and the command line as the reason.
 */
export async function createUserFromCommandLine(input: unknown) {
  return insertUser(null, input, "opdrachtregel (npm run user:create)");
}

async function insertUser(actor: Actor | null, input: unknown, reason: string | null) {
  const { value, place } = await parseUserForm(createUserSchema, input);
  const { email, name, role, password } = value;
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name, role, passwordHash, ...place }, select: userFields });
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: user, reason });
    return user;
  });
}

type Placed = { role: string; agencyCode: string | null; officeCode: string | null; active: boolean };

/** Why a change ends the user's sessions (the first that applies), or null when it does not. */
function sessionEndReason(before: Placed, after: Placed, passwordReset: boolean): SessionEndReason | null {
  if (before.active && !after.active) return "user.disabled";
  if (before.role !== after.role) return "user.role";
  if (before.officeCode !== after.officeCode || before.agencyCode !== after.agencyCode) return "user.office";
  if (passwordReset) return "user.password";
  return null;
}

export async function updateUser(actor: Actor, id: string, input: unknown) {
  assertCan(actor, "user.manage");
  const before = await getUser(actor, id);
  const { value, place } = await parseUserForm(updateUserSchema, input, id);
  const { name, role, active, password } = value;
  if (before.id === actor.userId && (!active || role !== "ADMIN")) {
    throw new ValidationError({ role: "users.ownRights" });
  }
  const passwordHash = password ? await hash(password, ARGON2_OPTIONS) : null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id },
      data: { name, role, active, ...place, ...(passwordHash ? { passwordHash } : {}) },
      select: userFields,
    });
    await recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: id, before, after: { ...user, passwordReset: Boolean(passwordHash) } });
    const reason = sessionEndReason(before, user, Boolean(passwordHash));
    if (reason) await endUserSessions(tx, id, reason);
    return user;
  });
}
