/** Correcting a case's identity, a service or a referral still pending (issue 15). */
export const caseCorrections = {
  "protection.correct.link": "تصحيح",
  "protection.correct.identityLink": "تصحيح الهوية",
  "protection.correct.serviceLink": "تصحيح هذه الخدمة",
  "protection.correct.referralLink": "تصحيح هذا الطلب",
  "protection.correct.identityTitle": "تصحيح الهوية",
  "protection.correct.serviceTitle": "تصحيح خدمة: {kind}",
  "protection.correct.referralTitle": "تصحيح الطلب",
  "protection.correct.hint": "سيسجّل سجلّ الملف الحقول التي تغيّرت، دون قيمها أبدًا.",
  "protection.correct.referralHint": "ما دامت الجمعية الشريكة لم تردّ بعد. سترى الطلب المصحَّح في قائمتها.",
  "protection.correct.save": "حفظ التصحيح",
  "protection.correct.back": "العودة إلى الملف",
  "protection.correct.anonymised": "هذا الملف مجهول الهوية: لم يعد بالإمكان تصحيحه.",
  "protection.correct.referralDecided": "تلقّى هذا الطلب ردًّا (قُبل أو رُفض): لم يعد بالإمكان تصحيحه.",
  "protection.correct.referralClosed":
    "لم يعد بالإمكان تصحيح هذا الطلب: تلقّى ردًّا، أو انتهت مهلته، أو لم تعد موافقة الشخص تشمله.",
  "protection.correct.changedOnFile": "يذكر الملف الآن شيئا آخر هنا: تحقق قبل الحفظ من جديد.",
  "protection.correct.stale":
    "صحّح شخص آخر هذا الملف أثناء تعديلك له: لم يُحفظ شيء. ما كتبته محفوظ أدناه؛ قارنه بالملف كما هو الآن، ثم احفظ من جديد للإبقاء على قيمك.",
} as const;
