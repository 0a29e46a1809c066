import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape";

describe("escapeHtml", () => {
  it("escapes markup and both quotes, leaves other text alone", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml("Côte d'Ivoire & co")).toBe("Côte d&#39;Ivoire &amp; co");
    expect(escapeHtml("16.251")).toBe("16.251");
  });
});
