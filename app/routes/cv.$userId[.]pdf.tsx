import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { CvPdf } from "~/modules/coaching/cv-pdf.server";
import { cvSource, isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { pdfLocalized, pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam, queryLocale } from "~/lib/params.server";

/** The applicant downloads their own CV; their coach prints it; anyone else: 404. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "cv:read");
  const { db } = args.context;
  const userId = idParam(args, "userId");
  const allowed =
    userId === user.id ||
    user.role === "admin" ||
    (user.role === "coach" && (await isCurrentCoachOf(db, user.id, userId)));
  if (!allowed) notFound();
  const src = await cvSource(db, userId);
  if (!src) notFound();
  const asked = queryLocale(args);
  // in the applicant's chosen language, unless asked otherwise
  const locale = asked ?? src.user.locale;
  const p = src.profile;
  const given = locale === "ar" ? (p?.givenNameAr ?? p?.givenName) : p?.givenName;
  const family = locale === "ar" ? (p?.familyNameAr ?? p?.familyName) : p?.familyName;
  const name = given && family ? `${given} ${family}` : src.user.displayName;
  const buffer = await renderPdf(
    <CvPdf
      locale={locale}
      data={{
        name,
        contact: [src.user.phone, src.user.email].filter((v): v is string => Boolean(v)),
        city: p?.city ?? null,
        region: p?.region ?? null,
        nationality: p?.nationality ?? null,
        languagesSpoken: p?.languagesSpoken ?? [],
        languagesRead: p?.languagesRead ?? [],
        education: p?.education ?? {},
        experience: p?.experience ?? [],
        skills: p?.skills ?? null,
        seeks: p?.seeks ?? [],
        trainings: src.trainings.map((r) => ({ title: pdfLocalized(r, "title", locale), endsOn: r.endsOn })),
        internships: src.internships.map((i) => ({
          host: i.hostName,
          sector: i.hostSector,
          startsOn: i.startsOn,
          endsOn: i.endsOn,
        })),
      }}
    />,
  );
  return pdfResponse(buffer, "cv.pdf");
}
