"use client";
/**
 * The projector page's live connection: connects once, and on every (re)connect runs `bind`
 * (attach) — `bound` counts successful binds and is 0 while the socket holds no role. A fatal
 * error code from `bind` stops the page (connection store).
 */
import { useEffect, useRef, useState } from "react";
import { isFatal, type ErrorCode } from "../../../lib/protocol/errors";
import { connectSocket, type ClientSocket } from "../../lib/socket";
import { useConnection } from "../../stores/connection";

export function useLiveSocket(bind: ((socket: ClientSocket) => Promise<ErrorCode | null>) | null): { socket: ClientSocket | null; bound: number } {
  const [socket, setSocket] = useState<ClientSocket | null>(null);
  const [binds, setBinds] = useState(0);
  const [ready, setReady] = useState(false);
  const bindRef = useRef(bind);
  bindRef.current = bind;
  const enabled = bind !== null;

  useEffect(() => {
    if (!enabled) return;
    const s = connectSocket();
    setSocket(s);
    const onConnect = async () => {
      const run = bindRef.current;
      if (!run) return;
      const error = await run(s);
      if (error === null) {
        setBinds((n) => n + 1);
        setReady(true);
      } else if (isFatal(error)) {
        useConnection.getState().fail(error);
        s.close();
      }
    };
    const onDisconnect = () => setReady(false);
    s.on("connect", onConnect);
    s.on("disconnect", onDisconnect);
    return () => {
      s.off("connect", onConnect);
      s.off("disconnect", onDisconnect);
      s.close();
      setSocket(null);
      setReady(false);
    };
  }, [enabled]);
  return { socket, bound: ready ? binds : 0 };
}
