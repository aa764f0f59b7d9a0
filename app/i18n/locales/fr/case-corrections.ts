/** Correcting a case's identity, a service or a referral still pending (issue 15). */
export const caseCorrections = {
  "protection.correct.link": "Corriger",
  "protection.correct.identityLink": "Corriger l'identité",
  "protection.correct.serviceLink": "Corriger ce service",
  "protection.correct.referralLink": "Corriger cette demande",
  "protection.correct.identityTitle": "Corriger l'identité",
  "protection.correct.serviceTitle": "Corriger un service : {kind}",
  "protection.correct.referralTitle": "Corriger la demande",
  "protection.correct.hint": "L'historique du dossier notera quels champs ont changé, jamais leurs valeurs.",
  "protection.correct.referralHint":
    "Tant que l'association partenaire n'a pas répondu. Elle voit la demande corrigée dans sa liste.",
  "protection.correct.save": "Enregistrer la correction",
  "protection.correct.back": "Retour au dossier",
  "protection.correct.anonymised": "Ce dossier est anonymisé : il ne peut plus être corrigé.",
  "protection.correct.referralDecided":
    "Cette demande a déjà reçu une réponse (acceptée ou refusée) : elle ne peut plus être corrigée.",
  "protection.correct.referralClosed":
    "Cette demande ne peut plus être corrigée : elle a reçu une réponse, elle a expiré, ou le consentement de la personne ne la couvre plus.",
  "protection.correct.changedOnFile":
    "Le dossier dit maintenant autre chose ici : vérifiez avant d'enregistrer à nouveau.",
  "protection.correct.stale":
    "Quelqu'un a corrigé ce dossier pendant que vous le modifiiez : rien n'a été enregistré. Ce que vous avez saisi est gardé ci-dessous ; comparez avec le dossier tel qu'il est maintenant, puis enregistrez à nouveau pour garder vos valeurs.",
} as const;
