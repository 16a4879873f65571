/**
 * L16: the class model's entry on the verified leaderboard. It is ranked by the same `standings` as
 * the students' submissions under a reserved participant id that no student can have (participant
 * ids are cuids: letters and digits only), so every view tells it apart with `isClassEntry`.
 */
export const CLASS_ENTRY_PREFIX = "class-model:";

export function classEntryId(classModelId: string): string {
  return CLASS_ENTRY_PREFIX + classModelId;
}

export function isClassEntry(participantId: string): boolean {
  return participantId.startsWith(CLASS_ENTRY_PREFIX);
}
