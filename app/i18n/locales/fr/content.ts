/** Text staff write in three languages: the fields that take it and its French fallback. */
export const content = {
  "content.inFrench": "(en français)",
  "content.lang.fr": "Français (obligatoire)",
  "content.lang.ar": "Arabe",
  "content.lang.en": "Anglais",
  "content.translationsHint": "Sans arabe ou sans anglais, le texte français s'affiche, marqué « en français ».",
} as const;
