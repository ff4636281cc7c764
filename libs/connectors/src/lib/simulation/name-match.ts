/** Names compare as registers do: case, surrounding blanks and Unicode form do not matter (Müller = MÜLLER). */
export function namesMatch(a: { givenName: string; familyName: string }, b: { givenName: string; familyName: string }): boolean {
  return normalize(a.givenName) === normalize(b.givenName) && normalize(a.familyName) === normalize(b.familyName);
}

function normalize(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}
