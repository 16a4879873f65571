/**
 * `npm run check:paths`: every repository path named in a comment or in Markdown must exist, and
 * nothing may point outside the repository (a clone has only what is committed). Docs drift silently when
 * a file moves; this makes the drift fail CI instead.
 *
 * What counts as a path: a token starting with one of the repository's top-level folders
 * (`app/`, `lib/`, `server/`, …) or naming a top-level file (`README.md`, …), in a Markdown file
 * anywhere, or in a comment of a source file. Brace lists expand (one path per listed name);
 * `path:12` or `path:12-20` must name lines the file has; tokens with placeholders (`<id>`, `*`)
 * are checked up to the placeholder. Migrations are history and are not checked (a snapshot keeps
 * the schema's comments as they were).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const TOP_FOLDERS = ["app", "lib", "server", "prisma", "public", "e2e", "scripts", "test", ".ci", "deploy", "docs"];
const TOP_FILES = ["README.md", "SECURITY.md", "package.json", "tsconfig.json", "next.config.js", "playwright.config.ts", "prisma.config.ts", "Dockerfile"];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css|sh|py|prisma)$/;

const PATH_TOKEN = new RegExp(
  String.raw`(?<![\w./@-])((?:${TOP_FOLDERS.map((f) => f.replace(".", "\\.")).join("|")})/[\w.\-\[\]/{},<>*]*|(?:${TOP_FILES.map((f) => f.replace(".", "\\.")).join("|")}))(?::(\d+)(?:-(\d+))?)?`,
  "g",
);
const OUTSIDE = /\.\.\/shared\b/;

/** Comment text of a source file, line by line (other text blanked so line numbers stay right). */
function commentLines(text: string, file: string): string[] {
  const hash = /\.(sh|py)$/.test(file);
  let inBlock = false;
  return text.split("\n").map((line) => {
    if (hash) return line.includes("#") ? line.slice(line.indexOf("#")) : "";
    let out = "";
    let rest = line;
    while (rest.length > 0) {
      if (inBlock) {
        const end = rest.indexOf("*/");
        out += end < 0 ? rest : rest.slice(0, end);
        if (end < 0) break;
        inBlock = false;
        rest = rest.slice(end + 2);
        continue;
      }
      const block = rest.indexOf("/*");
      const lineComment = rest.search(/(^|[^:])\/\//);
      if (lineComment >= 0 && (block < 0 || lineComment < block)) {
        out += rest.slice(lineComment);
        break;
      }
      if (block < 0) break;
      inBlock = true;
      rest = rest.slice(block + 2);
    }
    return out;
  });
}

function expandBraces(token: string): string[] {
  const m = /\{([^{}]*)\}/.exec(token);
  if (!m) return [token];
  return m[1].split(",").flatMap((part) => expandBraces(token.slice(0, m.index) + part + token.slice(m.index + m[0].length)));
}

function problemsOf(path: string, fromLine?: string, toLine?: string): string | null {
  // Trailing punctuation is prose; a trailing "]" closes a Markdown link unless it closes "[param]".
  let cleaned = path.replace(/[.,:;)]+$/, "");
  if (cleaned.endsWith("]") && (cleaned.match(/\[/g) ?? []).length < (cleaned.match(/\]/g) ?? []).length) cleaned = cleaned.slice(0, -1);
  const cut = cleaned.search(/[<*]/);
  const checked = (cut >= 0 ? cleaned.slice(0, cleaned.lastIndexOf("/", cut) + 1) : cleaned).replace(/\/$/, "");
  if (checked === "" || !existsSync(join(root, checked))) return `${cleaned} does not exist`;
  if (fromLine && statSync(join(root, checked)).isFile()) {
    const lines = readFileSync(join(root, checked), "utf8").split("\n").length;
    const last = Number(toLine ?? fromLine);
    if (last > lines) return `${cleaned}:${fromLine}${toLine ? `-${toLine}` : ""} is past the end of the file (${lines} lines)`;
  }
  return null;
}

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter(
    (f) =>
      f &&
      (f.endsWith(".md") || SOURCE.test(f)) &&
      !f.startsWith("public/corpora") &&
      !f.startsWith("server/corpora") &&
      !f.startsWith("prisma/migrations/") &&
      existsSync(join(root, f)),
  );

const problems: string[] = [];
for (const file of tracked) {
  const text = readFileSync(join(root, file), "utf8");
  const lines = file.endsWith(".md") ? text.split("\n") : commentLines(text, file);
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (OUTSIDE.test(line)) problems.push(`${where}: points outside the repository (${OUTSIDE.exec(line)?.[0]})`);
    for (const m of line.matchAll(PATH_TOKEN)) {
      for (const path of expandBraces(m[1])) {
        const problem = problemsOf(path, m[2], m[3]);
        if (problem) problems.push(`${where}: ${problem}`);
      }
    }
  });
}

for (const p of problems) console.log(p);
console.log(`${tracked.length} files checked, ${problems.length} broken path${problems.length === 1 ? "" : "s"}`);
process.exit(problems.length === 0 ? 0 : 1);
