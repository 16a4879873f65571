"use client";
/** The frame of every instructor page: header with instructor navigation, then the page, with its error on top. */
import type { ReactNode } from "react";
import type { ClientError } from "../lib/api";
import { ErrorText } from "./ErrorText";
import { Header } from "./Header";
import { InstructorNav } from "./InstructorNav";

export function InstructorPage({ error, children }: { error: ClientError | null; children: ReactNode }) {
  return (
    <>
      <Header>
        <InstructorNav />
      </Header>
      <main>
        <ErrorText error={error} />
        {children}
      </main>
    </>
  );
}
