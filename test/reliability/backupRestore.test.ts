/**
 * R8: `npm run backup` while the server runs, `npm run restore` into a fresh database and an
 * empty DATA_DIR, a fresh server on the result: the student rejoins with the token they had
 * (signed with the generated secret, which travels with the backup), the instructor's login
 * and the submitted weights are there. SQLite and, when available, PostgreSQL.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, it } from "node:test";
import { connectClient, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { DB_KINDS, freshDatabase, startTestServer } from "../helpers/server";
import { weightFiles } from "../../server/domain/weightFiles";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

function npmScript(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ["--import", "tsx", join(root, "scripts", `${script}.ts`), ...args], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
    cwd: root,
  });
}

for (const kind of DB_KINDS) {
  describe(`backup and restore (${kind})`, () => {
    it("R8: a backup taken while the server runs restores into a fresh place; students rejoin with the tokens they had", { timeout: 120_000 }, async () => {
      const work = mkdtempSync(join(tmpdir(), "rnn-classroom-backup-"));
      const dataDir = join(work, "data");
      // No SESSION_SECRET: the server generates one into DATA_DIR, as on a fresh install.
      const first = await startTestServer({ kind, env: { DATA_DIR: dataDir, SESSION_SECRET: undefined } });
      const second = { database: await freshDatabase(kind), dataDir: join(work, "data-restored") };
      try {
        const t = await instructorWithSession(first);
        const student = await joinAsGuest(first, t.code, "백업");
        const sha256 = await weightFiles(dataDir).save(new Uint8Array([1, 2, 3, 4]));
        const backupDir = join(work, "backup");
        const made = await npmScript("backup", [backupDir], { DATABASE_URL: first.database.url, DATA_DIR: dataDir });
        assert.match(made.stdout, /session secret and weight files saved/);
        student.socket.close();
        t.console.close();
        await first.stop();

        const restored = await npmScript("restore", [backupDir], { DATABASE_URL: second.database.url, DATA_DIR: second.dataDir });
        assert.match(restored.stdout, /restored/);
        const again = await startTestServer({ database: second.database, env: { DATA_DIR: second.dataDir, SESSION_SECRET: undefined } });
        try {
          const back = await connectClient(again.url);
          const reply = await request(back, "session:rejoin", { rejoinToken: student.token });
          assert.ok(reply.ok, JSON.stringify(reply));
          assert.equal(reply.data.snapshot.you.participantId, student.participantId);
          const console2 = await connectClient(again.url, { cookie: t.api.cookie });
          assert.ok((await request(console2, "instructor:attach", { sessionId: t.sessionId })).ok, "the instructor's login survives");
          assert.deepEqual(await weightFiles(second.dataDir).read(sha256), new Uint8Array([1, 2, 3, 4]));
          back.close();
          console2.close();
        } finally {
          await again.stop();
        }
      } finally {
        await first.close();
        await second.database.drop();
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}
