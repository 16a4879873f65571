"use client";
/**
 * Loads instructor data from the API, sending the browser to /login when it is not logged in.
 * Returns the data, the last error and a reload function.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { ClientError, ClientReply } from "./api";

export function useInstructorApi<T>(load: () => Promise<ClientReply<T>>, deps: unknown[]) {
  const router = useRouter();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const loader = useCallback(load, deps);
  const reload = useCallback(async () => {
    const reply = await loader();
    if (reply.ok) {
      setData(reply.data);
      setError(null);
    } else if (reply.error.code === "UNAUTHENTICATED") {
      router.replace(`/login?next=${encodeURIComponent(window.location.pathname)}`);
    } else {
      setError(reply.error);
    }
  }, [loader, router]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}
