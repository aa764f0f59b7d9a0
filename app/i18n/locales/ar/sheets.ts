/** Sheets signed on paper: a training session's attendance, an aid round's hand-out. */
export const sheets = {
  "sheets.number": "الرقم",
  "sheets.name": "الاسم الكامل",
  "sheets.signature": "التوقيع أو البصمة",
  "sheets.print": "طباعة الورقة للتوقيع (PDF)",
  "sheets.attendance.title": "ورقة الحضور",
  "sheets.attendance.training": "التكوين: {title}",
  "sheets.attendance.cohort": "المجموعة: {name}",
  "sheets.attendance.when": "حصة يوم {date}، من {start} إلى {end}",
  "sheets.attendance.place": "المكان: {place}",
  "sheets.attendance.placeBlank": "المكان: ______________________",
  "sheets.attendance.trainer": "المكوّن(ة): {name}",
  "sheets.attendance.trainerBlank": "المكوّن(ة): ______________________",
  "sheets.attendance.count": "عدد المسجلين: {count}؛ الأسطر الفارغة للأشخاص غير المسجلين.",
} as const;
