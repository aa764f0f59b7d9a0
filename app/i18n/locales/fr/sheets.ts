/** Sheets signed on paper: a training session's attendance, an aid round's hand-out. */
export const sheets = {
  "sheets.number": "N°",
  "sheets.name": "Nom et prénom",
  "sheets.signature": "Signature ou empreinte",
  "sheets.print": "Imprimer la feuille à signer (PDF)",
  "sheets.attendance.title": "Feuille de présence",
  "sheets.attendance.training": "Formation : {title}",
  "sheets.attendance.cohort": "Groupe : {name}",
  "sheets.attendance.when": "Séance du {date}, de {start} à {end}",
  "sheets.attendance.place": "Lieu : {place}",
  "sheets.attendance.placeBlank": "Lieu : ______________________",
  "sheets.attendance.trainer": "Formateur ou formatrice : {name}",
  "sheets.attendance.trainerBlank": "Formateur ou formatrice : ______________________",
  "sheets.attendance.count":
    "{count} participant(s) inscrit(s) ; les lignes vides sont pour les personnes non inscrites.",
} as const;
