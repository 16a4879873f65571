/** The two catalogs say the same things: every message key exists in Korean and in English, with the same placeholders. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";

type Catalog = { [key: string]: string | Catalog };
const load = (locale: string) => JSON.parse(readFileSync(new URL(`../../lib/i18n/${locale}.json`, import.meta.url), "utf8")) as Catalog;

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

it("ko and en have the same message keys and the same placeholders in each", () => {
  const ko = flatten(load("ko"));
  const en = flatten(load("en"));
  assert.deepEqual(
    [...ko.keys()].filter((k) => !en.has(k)),
    [],
    "keys missing in English",
  );
  assert.deepEqual(
    [...en.keys()].filter((k) => !ko.has(k)),
    [],
    "keys missing in Korean",
  );
  const mismatched = [...ko]
    .filter(([k, v]) => JSON.stringify([...new Set(placeholders(v))]) !== JSON.stringify([...new Set(placeholders(en.get(k) ?? ""))]))
    .map(([k]) => k);
  assert.deepEqual(mismatched, [], "messages whose placeholders differ");
});
