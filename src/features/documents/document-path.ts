/** A document file's address: the id, then its name (so a saved file gets the right name in every browser). */
export function documentPath(document: { id: number; fileName: string }): string {
  return `/dokument/${document.id}/${encodeURIComponent(document.fileName)}`;
}
