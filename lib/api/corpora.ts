/** The catalog of bundled training texts (lib/corpora.ts) with the sizes of their splits. */
import { z } from "zod";
import { noBody, route } from "./route";

export const corpusSummarySchema = z.object({
  id: z.string(),
  title: z.object({ ko: z.string(), en: z.string() }),
  language: z.enum(["en", "ko"]),
  /** Characters (code points) of each split; browsers may fetch train and validation. */
  chars: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
});

export type CorpusSummary = z.infer<typeof corpusSummarySchema>;

export const corpusRoutes = {
  listCorpora: route("GET", "/api/corpora", noBody, z.object({ corpora: z.array(corpusSummarySchema) }), { access: "public" }),
} as const;
