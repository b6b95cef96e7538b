// Text that ends up in a mail header (subject, recipient, sender, attachment file name) must be one line:
// a CR/LF from attacker-written text (a clinic name, a service's instructions) would otherwise start a new
// header (Bcc:, a second body) at a provider or relay that builds the raw message from these fields.
// C0 and C1 controls (CR, LF, NUL, tab...) plus the Unicode line and paragraph separators.
const controlCharacters = /[\p{Cc}\u2028\u2029]+/gu;

export function headerSafe(value: string): string {
  return value
    .replace(controlCharacters, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}
