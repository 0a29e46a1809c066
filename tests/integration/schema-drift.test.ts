// The migrations in prisma/migrations must build exactly what prisma/schema.prisma declares:
// tables, columns (type, nullability, default), enums, indexes and foreign keys.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectedShape, introspectShape, readDmmf } from "../../lib/db/schema-model";

describe("schema.prisma and the migrations agree", () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("builds the declared schema, nothing more and nothing less", async () => {
    const expected = expectedShape(readDmmf());
    const actual = await introspectShape(client);
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    expect(actual.enums).toEqual(expected.enums);
    for (const [name, table] of Object.entries(expected.tables)) {
      expect.soft(actual.tables[name]?.columns, `columns of ${name}`).toEqual(table.columns);
      expect.soft(actual.tables[name]?.primaryKey, `primary key of ${name}`).toEqual(table.primaryKey);
      expect.soft(actual.tables[name]?.indexes, `indexes of ${name}`).toEqual(table.indexes);
      expect.soft(actual.tables[name]?.foreignKeys, `foreign keys of ${name}`).toEqual(table.foreignKeys);
    }
  });

  it("keeps the audit log append-only", async () => {
    await client.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test.append', 'test')`);
    await expect(client.query(`UPDATE audit_log SET action = 'x' WHERE action = 'test.append'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM audit_log WHERE action = 'test.append'`)).rejects.toThrow(/append-only/);
  });
});
