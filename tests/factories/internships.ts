/** Internship factories: a host company with its details, and one offer of it. */
import type { Executor } from "../../db/client";
import { hostDetails, internshipOffers, type NewOrganisation } from "../../db/schema";
import { makeOrganisation } from "./index";

/**
 * A host company (its sector and contact person) and one eight-week offer of it in the same
 * sector (textile unless `sector` says), starting on 1 February 2027; `host` and `offer`
 * override the company's and the offer's fields.
 */
export async function makeHostOffer(
  db: Executor,
  options: {
    host?: Partial<NewOrganisation>;
    contactName?: string;
    sector?: (typeof hostDetails.$inferInsert)["sector"];
    offer?: Partial<typeof internshipOffers.$inferInsert>;
  } = {},
) {
  const sector = options.sector ?? "textile";
  const host = await makeOrganisation(db, { kind: "host_company", ...options.host });
  await db
    .insert(hostDetails)
    .values({ organisationId: host.id, sector, contactName: options.contactName ?? "Fatima" });
  const [offer] = await db
    .insert(internshipOffers)
    .values({
      hostId: host.id,
      titleFr: "Couturière en atelier",
      titleAr: "خياطة في ورشة",
      titleEn: "Workshop seamstress",
      sector,
      city: "rabat",
      startsOn: "2027-02-01",
      durationWeeks: 8,
      ...options.offer,
    })
    .returning();
  return { host, offer: offer! };
}
