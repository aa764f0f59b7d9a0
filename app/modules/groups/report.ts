/**
 * The report's tables of people reached from every source and of group activities
 * (the page, the CSV and the PDF read the same tables). Pure.
 */
import type { ReportTable } from "~/modules/reporting/report-tables";
import type { Shown } from "~/modules/reporting/rules";
import type { GroupFigures } from "./report.server";
import type { GroupActivityKind } from "./constants";
import { allPeopleReached } from "./rules";

export const PEOPLE_LINES = ["registered", "linkedOnly", "unregistered", "householdMembers", "total"] as const;
export type PeopleLine = (typeof PEOPLE_LINES)[number];

/**
 * People reached, one line per source and their sum: registered people once (the
 * headline's "all"), registered people reached only by a group session, people counted by
 * a headcount and not linked, household members of households given aid.
 */
export function peopleReachedTable(
  registered: number,
  figures: GroupFigures,
  show: (line: PeopleLine, n: number) => Shown = (_l, n) => n,
): ReportTable {
  const values: Record<PeopleLine, number> = {
    registered,
    linkedOnly: figures.linkedOnly,
    unregistered: figures.unregistered,
    householdMembers: figures.householdMembers,
    total: allPeopleReached({ registered, ...figures }),
  };
  return {
    id: "people-reached",
    title: "groups.report.people.title",
    columns: [
      { label: { key: "groups.report.column.source" }, hxl: "#meta +source", format: "label" },
      { label: { key: "reporting.column.persons" }, hxl: "#reached +num", format: "count" },
    ],
    rows: PEOPLE_LINES.map((line) => [
      { key: line === "total" ? "reporting.total" : `groups.report.line.${line}` },
      show(line, values[line]),
    ]),
  };
}

export const GROUP_MEASURES = ["activities", "participants", "linked", "unregistered"] as const;
export type GroupMeasure = (typeof GROUP_MEASURES)[number];

/** Sessions per kind: how many, people counted, of whom linked case files, and not linked; `show` as published. */
export function groupActivitiesTable(
  figures: GroupFigures,
  show: (kind: GroupActivityKind | "total", measure: GroupMeasure, n: number) => Shown = (_k, _m, n) => n,
): ReportTable {
  const sum = (k: GroupMeasure) => figures.kinds.reduce((s, x) => s + x[k], 0);
  return {
    id: "group-activities",
    title: "groups.report.activities.title",
    columns: [
      { label: { key: "groups.field.kind" }, hxl: "#activity +code", format: "label" },
      { label: { key: "groups.report.column.sessions" }, hxl: "#output +sessions +num", format: "count" },
      { label: { key: "groups.report.column.participants" }, hxl: "#output +participants +num", format: "count" },
      { label: { key: "groups.report.column.linked" }, hxl: "#reached +registered +num", format: "count" },
      { label: { key: "groups.report.column.unregistered" }, hxl: "#reached +unregistered +num", format: "count" },
    ],
    rows: [
      ...figures.kinds.map((k) => [
        { key: `groups.kind.${k.kind}` } as const,
        ...GROUP_MEASURES.map((m) => show(k.kind, m, k[m])),
      ]),
      [{ key: "reporting.total" }, ...GROUP_MEASURES.map((m) => show("total", m, sum(m)))],
    ],
  };
}
