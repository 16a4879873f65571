/**
 * A student's page in tests of restarts and fail-over: joins once, and after every reconnect (the
 * browser's own back-off, app/lib/reconnect.ts) rejoins with its newest token, as the page does.
 */
import assert from "node:assert/strict";
import { keepReconnecting } from "../../app/lib/reconnect";
import { request, type TestSocket } from "./clients";

/** Resolves once `socket` is connected (at once if it already is). */
export const connected = (socket: TestSocket) =>
  socket.connected ? Promise.resolve() : new Promise<void>((resolve) => socket.once("connect", () => resolve()));

export class ReconnectingStudent {
  token = "";
  participantId = "";
  /** Connections lost, and rejoins that succeeded, since the start. */
  drops = 0;
  rejoins = 0;
  private whenBack: { resolve: () => void; reject: (error: Error) => void } | undefined;

  /** `socket`: a new socket.io-client socket with its own reconnection off (keepReconnecting does it). */
  constructor(readonly socket: TestSocket) {
    keepReconnecting(socket);
    socket.on("disconnect", () => this.drops++);
    socket.on("connect", () => {
      if (this.token) this.rejoin().catch((error: Error) => this.whenBack?.reject(error));
    });
  }

  async join(code: string, nickname: string) {
    await connected(this.socket);
    const reply = await request(this.socket, "session:join", { code, identity: { kind: "guest", nickname } });
    if (!reply.ok) throw new Error(`join refused: ${JSON.stringify(reply.error)}`);
    this.token = reply.data.rejoinToken;
    this.participantId = reply.data.snapshot.you.participantId;
  }

  /** Resolves once this student has rejoined after its connection dropped (rejects if the rejoin is refused). */
  back(): Promise<void> {
    return new Promise((resolve, reject) => (this.whenBack = { resolve, reject }));
  }

  private async rejoin() {
    const reply = await request(this.socket, "session:rejoin", { rejoinToken: this.token });
    if (!reply.ok) throw new Error(`rejoin refused: ${JSON.stringify(reply.error)}`);
    assert.equal(reply.data.snapshot.you.participantId, this.participantId);
    this.token = reply.data.rejoinToken;
    await request(this.socket, "session:confirmToken", { rejoinToken: this.token });
    this.rejoins++;
    this.whenBack?.resolve();
  }
}
