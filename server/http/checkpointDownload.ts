/** GET /checkpoints/<submissionId>.rnnw?token=… — a shared checkpoint's weights (server/domain/checkpoints.ts). */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/client";
import { checkpointWeights } from "../domain/checkpoints";
import type { WeightFiles } from "../domain/weightFiles";
import { sendWeights } from "./router";

const PATTERN = /^\/checkpoints\/([A-Za-z0-9]{1,64})\.rnnw$/;

/** Returns false when the request is not for a checkpoint. */
export async function serveCheckpoint(db: Db, files: WeightFiles, secret: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith("/checkpoints/")) return false;
  const match = PATTERN.exec(url.pathname);
  const weights = match && req.method === "GET" ? await checkpointWeights(db, files, secret, match[1], url.searchParams.get("token") ?? "") : null;
  sendWeights(res, weights);
  return true;
}
