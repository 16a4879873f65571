/**
 * Checkpoints in the browser's IndexedDB, so a reload continues the same run: the weights plus
 * what the page shows (curve, progression log). One record per run key.
 */
import type { CharRNNConfig } from "../../lib/engine/config";

export interface HistoryPoint {
  step: number;
  trainLoss: number;
  /** Validation loss measured at this step, or null where none was. */
  valLoss: number | null;
}

export interface LogEntry {
  step: number;
  text: string;
}

export interface Checkpoint {
  runKey: string;
  config: CharRNNConfig;
  weights: Uint8Array;
  step: number;
  history: HistoryPoint[];
  log: LogEntry[];
  savedAt: number;
}

const DB_NAME = "rnn-classroom";
const STORE = "checkpoints";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "runKey" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = use(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export const saveCheckpoint = (checkpoint: Checkpoint) => withStore("readwrite", (s) => s.put(checkpoint)).then(() => undefined);
export const loadCheckpoint = (runKey: string) => withStore<Checkpoint | undefined>("readonly", (s) => s.get(runKey) as IDBRequest<Checkpoint | undefined>);
export const deleteCheckpoint = (runKey: string) => withStore("readwrite", (s) => s.delete(runKey)).then(() => undefined);

/** The run key of a student's training in a live session: per model session, student, configuration and shared starting model. */
export function liveRunKey(modelSessionId: string, participantId: string, configHash: string, sharedFrom?: string): string {
  return `live:${modelSessionId}:${participantId}:${configHash}${sharedFrom ? `:from:${sharedFrom}` : ""}`;
}

/** The newest checkpoint this browser kept of a student's live training (the keep page offers it). */
export async function latestLiveCheckpoint(participantId: string): Promise<Checkpoint | undefined> {
  const all = await withStore<Checkpoint[]>("readonly", (s) => s.getAll() as IDBRequest<Checkpoint[]>);
  return all.filter((c) => c.runKey.startsWith("live:") && c.runKey.split(":")[2] === participantId).sort((a, b) => b.savedAt - a.savedAt)[0];
}
