/** Text staff write in three languages: the fields that take it and its French fallback. */
export const content = {
  "content.inFrench": "(بالفرنسية)",
  "content.lang.fr": "الفرنسية (إلزامي)",
  "content.lang.ar": "العربية",
  "content.lang.en": "الإنجليزية",
  "content.translationsHint": "إن لم يُكتب النص بالعربية أو بالإنجليزية، يظهر النص الفرنسي مع الإشارة «بالفرنسية».",
} as const;
