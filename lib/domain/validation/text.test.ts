import { describe, expect, it } from "vitest";
import { renderMessage } from "@/lib/i18n/message";
import { CONTROL_CHARACTER_MESSAGE, text } from "./text";

describe("text()", () => {
  it("refuses NUL and other control characters with a Dutch message", () => {
    for (const bad of ["x\u0000", "a\u0007b", "\u001b[0m", "x\u007f"]) {
      const r = text().safeParse(bad);
      expect(r.success).toBe(false);
      // the issue carries the key; its Dutch text is unchanged
      expect(renderMessage(r.error!.issues[0]!.message)).toBe(CONTROL_CHARACTER_MESSAGE);
    }
    expect(text().safeParse("regel\nregel").success).toBe(false);
  });
  it("allows line breaks and tabs in multiline text only", () => {
    expect(text({ multiline: true }).safeParse("regel 1\r\nregel 2\tmet tab").success).toBe(true);
    expect(text({ multiline: true }).safeParse("x\u0000").success).toBe(false);
  });
  it("keeps the string methods after the check", () => {
    const s = text().trim().min(2, "te kort").max(5);
    expect(s.safeParse("  ab ").data).toBe("ab");
    expect(s.safeParse("a").error?.issues[0]?.message).toBe("te kort");
  });
});
