/**
 * Passwords of 8 characters or more that top the leaked-password lists, plus the
 * French, Arabic-transliterated and Moroccan favourites. Compared case-insensitively.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
  "12345678", "123456789", "1234567890", "12345678910", "123123123", "11111111", "111111111", "00000000",
  "000000000", "87654321", "987654321", "0987654321", "12341234", "11223344", "12121212", "22222222",
  "88888888", "99999999", "66666666", "55555555", "12344321", "147258369", "123456789a", "a123456789",
  "qwertyuiop", "qwerty123", "qwerty12", "qwerty1234", "1q2w3e4r", "1q2w3e4r5t", "zaq12wsx", "1qaz2wsx",
  "azertyuiop", "azerty123", "azerty12", "azerty1234", "azerty", "motdepasse", "motdepasse1", "motdepasse123",
  "iloveyou", "iloveyou1", "sunshine", "princess", "football", "football1", "baseball", "superman", "starwars",
  "welcome1", "welcome123", "letmein1", "trustno1", "whatever", "abcdefgh", "abcd1234", "abc12345", "abc123456",
  "aaaaaaaa", "computer", "internet", "samsung1", "nopassword", "changeme", "changeme1", "administrator",
  "admin123", "admin1234", "admin12345", "root1234", "master123", "bienvenue", "bienvenue1", "soleil123",
  "marseille", "jetaime1", "doudou123", "chocolat", "maroc123", "morocco1", "marocain", "casablanca",
  "rabat123", "maroc2024", "maroc2025", "maroc2026", "allahakbar", "bismillah", "bismillah1", "mohammed1",
  "mohamed123", "hamza123", "youssef123", "fatima123", "password2024", "password2025", "password2026",
  "masar2026", "masar123", "masar-demo-2026-x",
]);

export function isCommonPassword(password: string): boolean {
  const folded = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) return true;
  // one repeated character, or a run of consecutive digits, is as good as common
  if (/^(.)\1+$/.test(folded)) return true;
  if ("01234567890123456789".includes(folded) || "98765432109876543210".includes(folded)) return true;
  return false;
}
