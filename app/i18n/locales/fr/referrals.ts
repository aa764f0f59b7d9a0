/** Referrals with their reason and shared sections, named partners, the confirmation of case workers (issue 18). */
export const referrals = {
  "protection.referral.reasonLabel": "Motif",
  "protection.referral.reason.specialised_service": "service spécialisé",
  "protection.referral.reason.person_moved": "la personne a déménagé",
  "protection.referral.reason.capacity": "capacité de l'association",
  "protection.referral.reason.safety": "sécurité de la personne",
  "protection.referral.reason.other": "autre",
  "protection.referral.reason.unknown": "non précisé",
  "protection.referral.urgencyLabel": "Urgence",
  "protection.referral.urgency.routine": "normale",
  "protection.referral.urgency.urgent": "urgente",
  "protection.referral.urgency.emergency": "immédiate",
  "protection.referral.servicesLabel": "Services demandés",
  "protection.referral.shareLabel": "Sections du dossier partagées",
  "protection.referral.shareHint":
    "L'association partenaire ne voit que les sections cochées, avant comme après avoir accepté. Rien n'est partagé sans case cochée.",
  "protection.referral.share.identity": "Identité (nom, âge, contact, documents, foyer)",
  "protection.referral.share.services": "Services reçus",
  "protection.referral.share.notes": "Notes de suivi",
  "protection.referral.share.vulnerability": "Évaluation de vulnérabilité",
  "protection.referral.sharedNone": "aucune section",
  "protection.referral.sharedList": "Partagé : {sections}",
  "protection.referral.namedPartners": "Associations nommées dans le consentement : {names}.",
  "protection.referral.noPartnerNamed":
    "Le consentement de la personne ne nomme aucune association partenaire : enregistrez un nouveau consentement qui en nomme une.",
  "protection.referral.namedTag": "nommée dans le consentement",
  "protection.errors.partnerNotNamed":
    "Le consentement de la personne ne nomme pas cette association. Enregistrez un nouveau consentement, ou un·e superviseur·e déroge avec un motif.",
  "protection.errors.referralReason": "Choisissez le motif de la demande.",
  "protection.errors.referralUrgency": "Choisissez l'urgence de la demande.",
  "protection.errors.consentPartners":
    "Cochez au moins une association partenaire : le consentement au référencement ne vaut que pour les associations qu'il nomme.",
  "protection.consent.partnersLabel": "Associations vers lesquelles la personne accepte d'être référée",
  "protection.consent.partnersNone": "aucune",
  "protection.consent.partnersNoted": "noté à l'époque : {text}",
  "protection.partner.title": "Dossier {reference}",
  "protection.partner.requests": "Demande envoyée par {from}",
  "protection.partner.requestLine": "{kind} · {date} · {status}",
  "protection.partner.pendingHint":
    "Tant que vous n'avez pas accepté, vous lisez seulement ce que l'association d'origine partage, et vous n'écrivez rien.",
  "protection.partner.acceptedHint":
    "Vous voyez les sections partagées ; vous ajoutez vos propres notes et services, sans modifier ceux de l'association d'origine.",
  "protection.partner.notShared": "Cette section n'est pas partagée avec votre association.",
  "protection.partner.ownOnly": "Non partagé : seulement ce que votre association a enregistré.",
  "protection.referrals.open": "Voir ce qui est partagé",
  "protection.referrals.services": "Services demandés : {services}",
  "protection.referrals.details": "Motif : {reason} · urgence : {urgency}",
  "protection.notify.referral": "Une demande de référencement vous attend : {reason}, urgence {urgency}.",
  "protection.notify.referral.subject": "Demande de référencement ({urgency})",
  "protection.notify.referral.body":
    "Une association partenaire vous adresse une demande de référencement.\nMotif : {reason}\nUrgence : {urgency}\nOuvrez « Référencements reçus » sur Masar pour la lire et y répondre.",
  "protection.notify.referral.sms": "Masar : demande de référencement ({reason}, urgence {urgency}).",
  "protection.staff.nav": "Comptes à confirmer ({count})",
  "protection.staff.title": "Comptes à confirmer",
  "protection.staff.hint":
    "Ces comptes de votre association n'accèdent à aucun dossier de protection tant qu'un·e superviseur·e ne les a pas confirmés. Confirmez seulement une personne que vous connaissez et qui travaille avec vous.",
  "protection.staff.none": "Aucun compte n'attend de confirmation.",
  "protection.staff.reason.new_account": "nouveau compte créé par un·e admin",
  "protection.staff.reason.role_change": "rôle ou association changé par un·e admin",
  "protection.staff.reason.new_code": "code de mot de passe émis par un·e admin",
  "protection.staff.since": "depuis le {date}",
  "protection.staff.confirm": "Confirmer l'accès",
  "protection.staff.pendingNotice":
    "Votre accès aux dossiers de protection de {association} attend la confirmation d'un·e superviseur·e de l'association : d'ici là, les pages Protection, Aide et Rapports ne vous sont pas ouvertes.",
  "protection.staff.pendingWho": "Peut confirmer votre compte : {names}.",
  "protection.staff.pendingNoSupervisor":
    "Aucun·e superviseur·e n'est encore nommé·e dans votre association : demandez à l'admin du programme d'en nommer un·e.",
  "admin.users.caseAccess": "Accès aux dossiers de protection",
  "admin.users.caseAccessConfirmed": "confirmé le {date}",
  "admin.users.caseAccessPending": "en attente de la confirmation d'un·e superviseur·e de l'association ({reason})",
  "admin.users.caseAccessNote":
    "Un compte de travailleur·se social·e n'accède aux dossiers de protection qu'après la confirmation d'un·e superviseur·e de son association.",
} as const;
