/** The live connection's state, for the indicator in every live page's header. */
import { create } from "zustand";
import type { ErrorCode } from "../../lib/protocol/errors";

export type ConnectionStatus = "idle" | "connecting" | "online" | "offline";

interface ConnectionState {
  status: ConnectionStatus;
  /** A fatal error ends the live page: the stop screen shows it instead of retrying. */
  fatal: ErrorCode | null;
  setStatus(status: ConnectionStatus): void;
  fail(code: ErrorCode): void;
  reset(): void;
}

export const useConnection = create<ConnectionState>((set) => ({
  status: "idle",
  fatal: null,
  setStatus: (status) => set({ status }),
  fail: (code) => set({ fatal: code, status: "offline" }),
  reset: () => set({ status: "idle", fatal: null }),
}));
