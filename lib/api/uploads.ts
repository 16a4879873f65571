/** Routes for instructors' own training texts (uploaded corpora). */
import { z } from "zod";
import { MAX_CORPUS_CHARS } from "../corpusRules";
import { noBody, route } from "./route";

export const uploadSummarySchema = z.object({ ref: z.string(), name: z.string(), chars: z.number(), distinct: z.number(), createdAt: z.string() });

export const uploadRoutes = {
  uploadCorpus: route(
    "POST",
    "/api/corpora/uploads",
    z.object({ name: z.string().trim().min(1, "name is empty").max(80), text: z.string().max(MAX_CORPUS_CHARS * 2) }),
    z.object({ corpus: uploadSummarySchema }),
    { maxBodyBytes: 8 * 1024 * 1024 }, // 3 M characters of Korean is up to ~9 MB of UTF-8; the text rule caps characters
  ),
  listUploads: route("GET", "/api/corpora/uploads", noBody, z.object({ corpora: z.array(uploadSummarySchema) })),
} as const;
