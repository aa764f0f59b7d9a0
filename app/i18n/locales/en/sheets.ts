/** Sheets signed on paper: a training session's attendance, an aid round's hand-out. */
export const sheets = {
  "sheets.number": "No.",
  "sheets.name": "Full name",
  "sheets.signature": "Signature or thumbprint",
  "sheets.print": "Print the sheet to sign (PDF)",
  "sheets.attendance.title": "Attendance sheet",
  "sheets.attendance.training": "Training: {title}",
  "sheets.attendance.cohort": "Group: {name}",
  "sheets.attendance.when": "Session of {date}, {start} to {end}",
  "sheets.attendance.place": "Place: {place}",
  "sheets.attendance.placeBlank": "Place: ______________________",
  "sheets.attendance.trainer": "Trainer: {name}",
  "sheets.attendance.trainerBlank": "Trainer: ______________________",
  "sheets.attendance.count": "{count} registered participant(s); blank rows are for people who were not registered.",
} as const;
