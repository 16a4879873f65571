/**
 * The rendered-pages language check: a page in one language must show no raw catalog key and no
 * message piece that only the other language's catalog has (lib/i18n/ko.json, lib/i18n/en.json).
 * Used by the lesson walk (e2e/lesson.spec.ts) and the lab (e2e/lab.spec.ts).
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

type Catalog = { [key: string]: string | Catalog };
const catalog = (locale: string) => JSON.parse(readFileSync(new URL(`../lib/i18n/${locale}.json`, import.meta.url), "utf8")) as Catalog;
function flatten(c: Catalog, prefix = ""): [string, string][] {
  return Object.entries(c).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
const KO = flatten(catalog("ko"));
const EN = flatten(catalog("en"));
/** The literal pieces of a message between its ICU placeholders. */
const pieces = (message: string) =>
  message
    .split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)
    .map((p) => p.trim())
    .filter(Boolean);
const KO_TEXT = KO.map(([, v]) => v).join("\n");
const EN_TEXT = EN.map(([, v]) => v).join("\n");
/** English pieces that never occur in Korean messages (so "LSTM" or "bits/char" do not count). */
const ENGLISH_ONLY = [...new Set(EN.flatMap(([, v]) => pieces(v)))].filter((p) => /[A-Za-z]{3,}/.test(p) && p.length >= 4 && !KO_TEXT.includes(p));
const KOREAN_ONLY = [...new Set(KO.flatMap(([, v]) => pieces(v)))].filter((p) => /\p{Script=Hangul}{2,}/u.test(p) && !EN_TEXT.includes(p));
const KEYS = KO.map(([k]) => k).filter((k) => k.split(".").length >= 2);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The page's own words: user content (samples, typed text, code) is left out. */
function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll("pre, textarea, code, svg, canvas, script, style, .sample-text, .sample-cell, .projector-sample, [data-user-text]")
      .forEach((e) => e.remove());
    return copy.innerText;
  });
}

/** Fails on a raw catalog key or a message piece of the other language. */
export async function speaks(page: Page, locale: "ko" | "en", label: string) {
  const text = await uiText(page);
  const rawKeys = KEYS.filter((k) => text.includes(k));
  expect(rawKeys, `${label}: raw message keys on the page`).toEqual([]);
  const foreign =
    locale === "ko" ? ENGLISH_ONLY.filter((p) => new RegExp(`(^|[^A-Za-z])${escape(p)}($|[^A-Za-z])`).test(text)) : KOREAN_ONLY.filter((p) => text.includes(p));
  expect(foreign, `${label}: ${locale === "ko" ? "English" : "Korean"} strings in the ${locale} UI`).toEqual([]);
}
