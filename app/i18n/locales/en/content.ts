/** Text staff write in three languages: the fields that take it and its French fallback. */
export const content = {
  "content.inFrench": "(in French)",
  "content.lang.fr": "French (required)",
  "content.lang.ar": "Arabic",
  "content.lang.en": "English",
  "content.translationsHint": "Without Arabic or English, the French text is shown, marked “in French”.",
} as const;
