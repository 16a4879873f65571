/**
 * Routes for models the instructor trained themselves (T11): upload a weight file for the model
 * session in force; sharing it with the class is the socket event training:shareInstructorModel.
 */
import { z } from "zod";
import { MAX_WEIGHTS_BYTES } from "../leaderboard/admission";
import { route } from "./route";

const MAX_BASE64_CHARS = Math.ceil(MAX_WEIGHTS_BYTES / 3) * 4;

export const instructorModelSchema = z.object({
  id: z.string(),
  configHash: z.string(),
  step: z.number(),
  /** Groups training exactly this configuration ("" = the whole class when there are no groups). */
  matches: z.array(z.string()),
});
export type InstructorModelView = z.infer<typeof instructorModelSchema>;

export const instructorModelRoutes = {
  uploadInstructorModel: route(
    "POST",
    "/api/sessions/:sessionId/instructor-models",
    z.object({ weights: z.base64("the weights must be base64").max(MAX_BASE64_CHARS, "the weight file is too large") }),
    z.object({ model: instructorModelSchema }),
    { maxBodyBytes: MAX_BASE64_CHARS + 1024 },
  ),
} as const;
