export type OrganisationChoice = { id: number; name: string; parentId: number | null };

/** The organisations in tree order, each with its depth, children by name under their parent. */
export function organisationTree(all: OrganisationChoice[]): { id: number; name: string; depth: number }[] {
  const ids = new Set(all.map((organisation) => organisation.id));
  const children = new Map<number | null, OrganisationChoice[]>();
  for (const organisation of all) {
    const parent =
      organisation.parentId !== null && ids.has(organisation.parentId) ? organisation.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), organisation]);
  }
  const out: { id: number; name: string; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const organisation of children.get(parent) ?? []) {
      out.push({ id: organisation.id, name: organisation.name, depth });
      visit(organisation.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Options for an organisation select; units are indented under their parent (no JavaScript needed). */
export function OrganisationOptions({
  organisations,
  selected,
}: {
  organisations: OrganisationChoice[];
  selected?: string | undefined;
}) {
  return (
    <>
      {organisationTree(organisations).map((organisation) => (
        <option value={String(organisation.id)} selected={selected === String(organisation.id)}>
          {'\u00a0\u00a0\u00a0'.repeat(organisation.depth)}
          {organisation.name}
        </option>
      ))}
    </>
  );
}
