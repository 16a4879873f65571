/** Pure rules of the foundation: names, rosters, tokens, passwords, rate limits (table-driven). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanName, nameKey, nameSchema } from "../../lib/names";
import { decodeRosterFile, parseRoster } from "../../lib/roster";
import { joinCodeSchema } from "../../lib/protocol/events";
import { issueRejoinToken, readRejoinToken } from "../../server/auth/rejoinToken";
import { hashPassword, verifyPassword } from "../../server/auth/password";
import { RateLimiter } from "../../server/rateLimit";

describe("names", () => {
  const cases: [string, string | null][] = [
    ["  김민지 ", "김민지"],
    ["Lee   Jun", "Lee Jun"],
    ["", null],
    ["   ", null],
    ["가".repeat(24), "가".repeat(24)],
    ["가".repeat(25), null],
    ["tab\u0007bell", null],
  ];
  for (const [input, expected] of cases) {
    it(`nameSchema(${JSON.stringify(input)}) → ${expected ?? "rejected"}`, () => {
      const parsed = nameSchema.safeParse(input);
      assert.equal(parsed.success ? parsed.data : null, expected);
    });
  }
  it("compares Korean names in NFC and Latin names case-insensitively", () => {
    const decomposed = "김민지".normalize("NFD");
    assert.notEqual(decomposed, "김민지");
    assert.equal(nameKey(decomposed), nameKey("김민지"));
    assert.equal(nameKey("Lee Jun "), nameKey("lee  jun"));
    assert.equal(cleanName(decomposed), "김민지");
  });
});

describe("join codes", () => {
  it("accepts lower case and spaces, refuses look-alike characters", () => {
    assert.equal(joinCodeSchema.parse(" abc-def "), "ABCDEF");
    assert.equal(joinCodeSchema.safeParse("ABCDE0").success, false); // 0 is not in the alphabet
    assert.equal(joinCodeSchema.safeParse("ABCDE").success, false);
  });
});

describe("roster parsing", () => {
  it("reads one name per line, skipping blanks and duplicates", () => {
    const r = parseRoster("김민지\n\nLee Jun\n김민지\n");
    assert.deepEqual(r.names, ["김민지", "Lee Jun"]);
    assert.equal(r.rejected.length, 1);
    assert.equal(r.rejected[0].reason, "DUPLICATE");
  });
  it("reads the name column of a CSV with a header", () => {
    const r = parseRoster('\uFEFFnumber,이름,email\n1,박서연,a@b.c\n2,"Kim Ha",c@d.e');
    assert.deepEqual(r.names, ["박서연", "Kim Ha"]);
  });
  const csvCases: [label: string, text: string, names: string[]][] = [
    ["a quoted field with a comma (class column before the name)", '반,이름\n"2학년, 3반",김민지\n"2학년, 3반",박서연', ["김민지", "박서연"]],
    ["a quoted name with a comma", 'name,email\n"Lee, Jun",l@x.kr\n"Kim, Ha",k@x.kr', ["Lee, Jun", "Kim, Ha"]],
    ["doubled quotes inside a quoted field", 'name\n"Jun ""JJ"" Lee"\n박서연', ['Jun "JJ" Lee', "박서연"]],
    ["CRLF line ends and a BOM", "\uFEFF이름\r\n김민지\r\nLee Jun\r\n", ["김민지", "Lee Jun"]],
    ["tab-separated", "번호\t이름\n1\t김민지\n2\t최우진", ["김민지", "최우진"]],
    ["a quoted name spanning a line break is one row", 'name\n"Kim\nHa"\n박서연', ["Kim Ha", "박서연"]],
  ];
  for (const [label, text, names] of csvCases) {
    it(`CSV: ${label}`, () => assert.deepEqual(parseRoster(text).names, names));
  }
  it("decodes Excel's Korean exports: UTF-8 with BOM, and CP949/EUC-KR", () => {
    const utf8 = new TextEncoder().encode("\uFEFF이름\n김민지\n");
    assert.deepEqual(parseRoster(decodeRosterFile(utf8)).names, ["김민지"]);
    // "이름\n김민지\n" in EUC-KR (KS X 1001 code points)
    const eucKr = new Uint8Array([0xc0, 0xcc, 0xb8, 0xa7, 0x0a, 0xb1, 0xe8, 0xb9, 0xce, 0xc1, 0xf6, 0x0a]);
    assert.deepEqual(parseRoster(decodeRosterFile(eucKr)).names, ["김민지"]);
  });
  it("rejects over-long names with a reason", () => {
    const r = parseRoster(`ok\n${"x".repeat(30)}`);
    assert.deepEqual(r.names, ["ok"]);
    assert.deepEqual(r.rejected, [{ line: 2, text: "x".repeat(30), reason: "TOO_LONG" }]);
  });
  it("rejects names with control characters, and lines beyond the roster's size", () => {
    assert.equal(parseRoster("bad\u0007name").rejected[0].reason, "CONTROL_CHARS");
    const big = parseRoster(Array.from({ length: 502 }, (_, i) => `s${i}`).join("\n"));
    assert.equal(big.names.length, 500);
    assert.deepEqual(
      big.rejected.map((r) => r.reason),
      ["TOO_MANY", "TOO_MANY"],
    );
  });
});

describe("rejoin tokens", () => {
  const secret = "s".repeat(40);
  it("round-trips its claims", () => {
    const token = issueRejoinToken({ s: "sess", p: "part", v: 3 }, secret);
    assert.deepEqual(readRejoinToken(token, secret), { s: "sess", p: "part", v: 3 });
  });
  it("refuses a forged signature, another secret, edited claims and garbage", () => {
    const token = issueRejoinToken({ s: "sess", p: "part", v: 0 }, secret);
    const [body, sig] = token.split(".");
    const edited = Buffer.from(JSON.stringify({ s: "sess", p: "other", v: 0 })).toString("base64url");
    for (const bad of [
      `${body}.${sig.slice(0, -2)}AA`,
      issueRejoinToken({ s: "sess", p: "part", v: 0 }, "t".repeat(40)),
      `${edited}.${sig}`,
      "garbage",
      `${body}.${sig}.x`,
    ]) {
      assert.equal(readRejoinToken(bad, secret), null, bad);
    }
  });
});

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one; hashes are salted", async () => {
    const hash = await hashPassword("correct horse");
    assert.match(hash, /^scrypt\$/);
    assert.equal(await verifyPassword("correct horse", hash), true);
    assert.equal(await verifyPassword("wrong horse", hash), false);
    assert.notEqual(await hashPassword("correct horse"), hash);
  });
});

describe("rate limiter", () => {
  it("allows the burst, refuses the next, refills over time", () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perSecond: 1 }, () => now);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => limiter.take("k")),
      [true, true, true, false],
    );
    assert.equal(limiter.take("other"), true, "keys are independent");
    now += 1000;
    assert.equal(limiter.take("k"), true);
    assert.equal(limiter.take("k"), false);
  });
});
