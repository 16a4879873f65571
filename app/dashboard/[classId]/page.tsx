"use client";
/** Class overview: sessions, trends, attendance grid, needs attention, roster care, CSV export. */
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "use-intl";
import { AttendanceGrid } from "../components/AttendanceGrid";
import { AttentionPanel } from "../components/AttentionPanel";
import { CsvButton } from "../components/CsvButton";
import { DashboardShell, Loading, Refused } from "../components/DashboardShell";
import { RosterCare } from "../components/RosterCare";
import { SessionsTable } from "../components/SessionsTable";
import { TrendCharts } from "../components/TrendCharts";
import { useApiData } from "../components/useApiData";

export default function ClassOverviewPage() {
  const { classId } = useParams<{ classId: string }>();
  const t = useTranslations("dashboard");
  const overview = useApiData("dashboardOverview", { classId });
  return (
    <DashboardShell classId={classId} timeZone={overview.state === "ok" ? overview.data.class.timeZone : undefined}>
      {overview.state === "loading" && <Loading />}
      {overview.state === "error" && <Refused error={overview.error} />}
      {overview.state === "ok" && (
        <>
          <div className="row">
            <h1 data-testid="dashboard-class-name">{overview.data.class.name}</h1>
            <CsvButton target={{ kind: "class", classId }} label={t("export.classCsv")} />
          </div>
          <p className="muted small" data-testid="dashboard-time-zone">
            {t("export.timeZoneNote", { zone: overview.data.class.timeZone })}{" "}
            <Link href={`/classes/${encodeURIComponent(classId)}`}>{t("export.changeTimeZone")}</Link>
          </p>
          <AttentionPanel overview={overview.data} onSaved={overview.reload} />
          <SessionsTable classId={classId} sessions={overview.data.sessions} />
          {overview.data.sessions.length > 0 && <TrendCharts overview={overview.data} />}
          <AttendanceGrid overview={overview.data} />
          <RosterCare overview={overview.data} onChanged={overview.reload} />
        </>
      )}
    </DashboardShell>
  );
}
