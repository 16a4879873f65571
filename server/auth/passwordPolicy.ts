/**
 * Which passwords an instructor may not choose (W10 in SECURITY.md): the most common ones (the
 * top of the public breach lists, Korean keyboard favourites included), the account's own email
 * or its name part, and the obvious (only whitespace, one repeated character, a run such as
 * 12345678 or abcdefgh). Length rules live in the signup schema (lib/api/foundation.ts).
 */

const COMMON = new Set([
  "12345678",
  "123456789",
  "1234567890",
  "12341234",
  "11111111",
  "00000000",
  "88888888",
  "87654321",
  "11223344",
  "12121212",
  "password",
  "password1",
  "password12",
  "password123",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "qwertyui",
  "qwerty123",
  "qwertyuiop",
  "1q2w3e4r",
  "1q2w3e4r5t",
  "q1w2e3r4",
  "qwer1234",
  "asdf1234",
  "zxcvbnm1",
  "asdfghjk",
  "zxcvbnma",
  "iloveyou",
  "iloveyou1",
  "sunshine",
  "princess",
  "football",
  "baseball",
  "welcome1",
  "welcome123",
  "letmein1",
  "admin123",
  "administrator",
  "trustno1",
  "superman",
  "starwars",
  "whatever",
  "computer",
  "internet",
  "michelle",
  "jennifer",
  "corvette",
  "mercedes",
  "samsung1",
  "dragon12",
  "monkey12",
  "abc12345",
  "abcd1234",
  "a1234567",
  "aa123456",
  "changeme",
  "secret12",
  "teacher1",
  "teacher123",
  "student1",
  "school12",
  "classroom",
  "sarang12",
  "saranghae",
  "gksrmf12",
  "dkssud12",
  "qwer!234",
  "1qaz2wsx",
  "zaq12wsx",
]);

const isRun = (text: string) => {
  const codes = Array.from(text, (c) => c.codePointAt(0)!);
  return codes.every((c, i) => i === 0 || c - codes[i - 1] === 1) || codes.every((c, i) => i === 0 || codes[i - 1] - c === 1);
};

/** Why `password` is refused for the account `email`, or null when it may be used. */
export function passwordProblem(password: string, email: string): string | null {
  const folded = password.normalize("NFC").toLowerCase();
  const squeezed = folded.replace(/\s+/g, "");
  if (squeezed === "") return "a password of only spaces is too easy to guess";
  if (new Set(squeezed).size === 1) return "a single repeated character is too easy to guess";
  if (isRun(squeezed)) return "a run like 12345678 or abcdefgh is too easy to guess";
  const name = email.toLowerCase().split("@")[0];
  if (squeezed === email.toLowerCase() || squeezed === name || squeezed.includes(email.toLowerCase())) return "do not use your email as the password";
  if (COMMON.has(squeezed)) return "this is one of the most common passwords; choose another";
  return null;
}
