import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvCell, csvDocument, type CsvCell } from "./csv";

describe("csv cells", () => {
  const cases: [CsvCell, string][] = [
    ["김민지", "김민지"],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\uFF1DHYPERLINK(1)", "'\uFF1DHYPERLINK(1)"],
    ["  =1+1", "'  =1+1"],
    ["\n=1+1", '"\'\n=1+1"'],
    ["\u3000\uFF0B1", "'\u3000\uFF0B1"],
    [-1.5, "-1.5"],
    [0, "0"],
    [NaN, ""],
    [null, ""],
    [undefined, ""],
    ["", ""],
  ];
  for (const [value, expected] of cases) it(`${JSON.stringify(value)} → ${JSON.stringify(expected)}`, () => assert.equal(csvCell(value), expected));
});

describe("csv document", () => {
  it("starts with a BOM, ends rows with CRLF", () => {
    const doc = csvDocument([
      ["이름", "점수"],
      ["박서연", 2.5],
    ]);
    assert.equal(doc, "\uFEFF이름,점수\r\n박서연,2.5\r\n");
    assert.deepEqual([...new TextEncoder().encode(doc).slice(0, 3)], [0xef, 0xbb, 0xbf]);
  });
});
