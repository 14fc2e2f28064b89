/** Documents: an agreement's PDFs (src/features/documents). */

/** "1,2 MB" or "350 kB", the Swedish way (decimal comma, a space before the unit). */
function size(bytes: number): string {
  const format = (value: number, digits: number) =>
    value.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (bytes >= 1_000_000) return `${format(bytes / 1_000_000, 1)} MB`;
  return `${format(Math.max(1, Math.round(bytes / 1000)), 0)} kB`;
}

export const documentsText = {
  heading: 'Dokument',
  /** The link to the file, e.g. "Samverkansavtal 2024 (PDF, 1,2 MB)". */
  link: (title: string, bytes: number) => `${title} (PDF, ${size(bytes)})`,
  size,
  kinds: { agreement: 'Undertecknat avtal', appendix: 'Bilaga', other: 'Annat dokument' },
  visibilities: { public: 'Offentligt', internal: 'Internt' },
  fields: {
    fil: 'PDF-fil',
    title: 'Rubrik',
    kind: 'Typ av dokument',
    visibility: 'Vem får läsa dokumentet',
    internalReason: 'Skäl till att det är internt',
    fileName: 'Filnamn',
    byteSize: 'Storlek',
  },
  hints: {
    fil: 'Högst 20 MB. Bara PDF: ett skannat avtal sparar du som PDF först.',
    title: 'Visas som länktext. Lämnar du fältet tomt används filens namn.',
    internalReason: 'Till exempel "sekretess enligt OSL 19 kap." eller "arbetsmaterial".',
  },
  visibilityChoices: {
    public: 'Alla: visas på avtalets sida',
    internal: 'Internt: bara för dem som får ändra avtalet',
  },
  addTitle: (agreement: string) => `Lägg till dokument: ${agreement}`,
  add: 'Lägg till dokument',
  upload: 'Ladda upp',
  editTitle: (title: string) => `Ändra dokument: ${title}`,
  save: 'Spara',
  back: 'Tillbaka till avtalet',
  internalAgreement:
    'Avtalet är internt: dokumentet visas inte för allmänheten, vad du än väljer här, så länge avtalet är internt.',
  listCaption: 'Avtalets dokument',
  file: 'Fil',
  noDocuments: 'Avtalet har inga dokument ännu.',
  deletedHeading: 'Borttagna dokument (se historiken)',
  download: 'Hämta',
  edit: 'Ändra',
  saved: 'Dokumentet är sparat.',
  deleted: 'Dokumentet är borttaget. Det finns kvar i sin historik och kan återställas därifrån.',
  fileMissing: 'Välj en PDF-fil.',
  fileTooLarge:
    'Filen är större än 20 MB. Minska den (till exempel genom att spara den med lägre upplösning).',
  notPdf:
    'Filen är ingen hel PDF. Spara dokumentet som PDF och välj filen igen; en fil som bara har döpts om till .pdf går inte.',
  reasonMissing: 'Skriv varför dokumentet är internt.',
  chooseAgain: 'Välj filen igen: av säkerhetsskäl fyller webbläsaren inte i den åt dig.',
};
