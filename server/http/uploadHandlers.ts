/** Handlers of lib/api/uploads.ts: instructors upload and list their training texts. */
import type { uploadRoutes } from "../../lib/api/uploads";
import type { Db } from "../db/client";
import { listUploads, storeUpload } from "../domain/uploadedCorpora";
import { requireInstructor, type HandlersFor } from "./router";

export function createUploadHandlers(db: Db): HandlersFor<typeof uploadRoutes> {
  return {
    async uploadCorpus(ctx) {
      const instructor = await requireInstructor(db, ctx);
      return { corpus: await storeUpload(db, instructor.id, ctx.body.name, ctx.body.text) };
    },
    async listUploads(ctx) {
      const instructor = await requireInstructor(db, ctx);
      return { corpora: await listUploads(db, instructor.id) };
    },
  };
}
