"use client";
/** The lessons this browser joined, each linking to what the student made there (rules K1–K3). */
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { Header } from "../components/Header";
import { listSeats, type Seat } from "../lib/seat";

export default function KeepListPage() {
  const t = useTranslations("devices.keep");
  const [seats, setSeats] = useState<Seat[] | null>(null);
  useEffect(() => setSeats(listSeats()), []);
  return (
    <>
      <Header />
      <main>
        <h1>{t("mine")}</h1>
        {seats?.length === 0 && <p className="muted">{t("none")}</p>}
        <ul>
          {seats?.map((seat) => (
            <li key={seat.code}>
              <Link href={`/keep/${seat.code}`} data-testid="kept-lesson">
                {seat.code} · {seat.displayName}
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
