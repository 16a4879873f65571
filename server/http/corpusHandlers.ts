/** Handlers of lib/api/corpora.ts: the public catalog of bundled training texts. */
import type { corpusRoutes } from "../../lib/api/corpora";
import type { Db } from "../db/client";
import { bundledCatalog } from "../domain/corpora";
import type { HandlersFor } from "./router";

export function createCorpusHandlers(db: Db): HandlersFor<typeof corpusRoutes> {
  return {
    async listCorpora() {
      return { corpora: await bundledCatalog(db) };
    },
  };
}
