// The closed code sets exist three times by necessity: the TS arrays (the source the app
// imports), the Prisma enums (the database's types) and codes.json (the labels). They must agree.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import raw from "./reference/codes.json";
import {
  DECISION_OUTCOMES,
  DECISION_STATUSES,
  DVZ_FOLLOW_UPS,
  EVENT_TYPES,
  GENDERS,
  INFRINGEMENT_TYPES,
  NATIONALITY_GROUPS,
  PAYMENT_STATUSES,
  TARGET_GROUPS,
  dvzFollowUps,
} from "./codes";

const schema = fs.readFileSync(path.join(__dirname, "../../prisma/schema.prisma"), "utf8");
function prismaEnum(name: string): string[] {
  const body = new RegExp(`^enum ${name} \\{([^}]*)\\}`, "m").exec(schema)?.[1];
  if (!body) throw new Error(`enum ${name} not in schema.prisma`);
  return body
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter(Boolean);
}

describe("code sets: TS arrays, Prisma enums and codes.json agree", () => {
  const pairs: [string, readonly string[], { code: string }[] | null][] = [
    ["Gender", GENDERS, raw.genders],
    ["TargetGroup", TARGET_GROUPS, raw.targetGroups],
    ["NationalityGroup", NATIONALITY_GROUPS, raw.nationalityGroups],
    ["EventType", EVENT_TYPES, null],
    ["InfringementType", INFRINGEMENT_TYPES, raw.infringementTypes],
    ["DecisionOutcome", DECISION_OUTCOMES, raw.decisions],
    ["DecisionStatus", DECISION_STATUSES, null],
    ["PaymentStatus", PAYMENT_STATUSES, null],
    ["DvzFollowUp", DVZ_FOLLOW_UPS, dvzFollowUps],
  ];
  for (const [name, ts, json] of pairs) {
    it(name, () => {
      expect(prismaEnum(name)).toEqual([...ts]);
      if (json) expect(json.map((c) => c.code)).toEqual([...ts]);
    });
  }
});
