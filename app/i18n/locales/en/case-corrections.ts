/** Correcting a case's identity, a service or a referral still pending (issue 15). */
export const caseCorrections = {
  "protection.correct.link": "Correct",
  "protection.correct.identityLink": "Correct the identity",
  "protection.correct.serviceLink": "Correct this service",
  "protection.correct.referralLink": "Correct this request",
  "protection.correct.identityTitle": "Correct the identity",
  "protection.correct.serviceTitle": "Correct a service: {kind}",
  "protection.correct.referralTitle": "Correct the request",
  "protection.correct.hint": "The file's history will record which fields changed, never their values.",
  "protection.correct.referralHint":
    "While the partner association has not answered. It sees the corrected request in its list.",
  "protection.correct.save": "Save the correction",
  "protection.correct.back": "Back to the file",
  "protection.correct.anonymised": "This file is anonymised: it can no longer be corrected.",
  "protection.correct.referralDecided":
    "This request has already been answered (accepted or rejected): it can no longer be corrected.",
  "protection.correct.referralClosed":
    "This request can no longer be corrected: it was answered, it lapsed, or the person's consent no longer covers it.",
  "protection.correct.changedOnFile": "The record now says something else here: check before saving again.",
  "protection.correct.stale":
    "Someone corrected this record while you were editing it: nothing was saved. What you typed is kept below; compare it with the record as it is now, then save again to keep your values.",
} as const;
