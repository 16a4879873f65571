/**
 * The class model's leaderboard entries (L16 in lib/leaderboard/SPEC.md) as submission-shaped rows,
 * so the live board and the session report rank them with the students' submissions by the same
 * `standings`. An entry is the newest class-model version entered on the board; its scores are the
 * evaluation pool's, on the held-out split, like any submission's.
 */
import { configHash, charRNNConfigSchema } from "../../lib/engine/config";
import { classEntryId } from "../../lib/leaderboard/classEntry";
import type { SubmissionStatus } from "../../lib/leaderboard/ranking";
import type { Db } from "../db/client";
import { effectiveConfig } from "../../lib/training/rules";
import type { CharRNNConfig } from "../../lib/engine/config";

export interface ClassEntryRow {
  id: string;
  modelSessionId: string;
  participantId: string;
  weightsSha256: string;
  configHash: string;
  config: CharRNNConfig;
  backend: string;
  step: number;
  status: SubmissionStatus;
  error: string | null;
  publicBpc: number | null;
  privateBpc: number | null;
  untrainedBpc: null;
  sampleBpc: number | null;
  novelty: number | null;
  sampleText: string;
  sampleTemperature: number;
  samplePrime: string;
  temperatureCard: unknown;
  disqualifiedReason: null;
  createdAt: Date;
  scoredAt: Date | null;
}

/** The entered version of each class model of these model sessions (at most one per model session). */
export async function classEntries(db: Db, modelSessionIds: string[]): Promise<ClassEntryRow[]> {
  if (modelSessionIds.length === 0) return [];
  const models = await db.classModel.findMany({
    where: { modelSessionId: { in: modelSessionIds } },
    select: {
      id: true,
      modelSessionId: true,
      groupId: true,
      roundSteps: true,
      modelSession: { select: { config: true, temperature: true, groups: { select: { id: true, overrides: true } } } },
      versions: {
        where: { enteredAt: { not: null } },
        orderBy: { version: "desc" },
        take: 1,
        select: {
          id: true,
          version: true,
          sample: true,
          enteredAt: true,
          publicBpc: true,
          privateBpc: true,
          sampleBpc: true,
          novelty: true,
          temperatureCard: true,
          entryError: true,
        },
      },
    },
  });
  return models.flatMap((m) => {
    const v = m.versions[0];
    if (!v?.enteredAt) return [];
    const group = m.modelSession.groups.find((g) => g.id === m.groupId);
    const config = charRNNConfigSchema.parse(
      effectiveConfig(charRNNConfigSchema.parse(m.modelSession.config), group?.overrides as Partial<CharRNNConfig> | undefined),
    );
    const status: SubmissionStatus = v.entryError !== null ? "rejected" : v.publicBpc !== null ? "scored" : "evaluating";
    return [
      {
        id: v.id,
        modelSessionId: m.modelSessionId,
        participantId: classEntryId(m.id),
        // Never a copy of a student's weights (L6): the class's own key.
        weightsSha256: `class-model:${v.id}`,
        configHash: configHash(config),
        config,
        backend: "server",
        step: v.version * m.roundSteps,
        status,
        error: v.entryError,
        publicBpc: v.publicBpc,
        privateBpc: v.privateBpc,
        // L1b guards against students' self-made files; the class model is the server's own average.
        untrainedBpc: null,
        sampleBpc: v.sampleBpc,
        novelty: v.novelty,
        sampleText: v.sample,
        sampleTemperature: m.modelSession.temperature,
        samplePrime: "",
        temperatureCard: v.temperatureCard,
        disqualifiedReason: null,
        createdAt: v.enteredAt,
        scoredAt: v.publicBpc !== null ? v.enteredAt : null,
      },
    ];
  });
}
