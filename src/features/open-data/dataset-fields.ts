import type { Messages } from '../../web/i18n/messages.ts';

/**
 * The fields of a dataset as the OpenAPI document describes them (issue 12, item 4): the dataset pages,
 * the API guide and the CSV columns all read them from the document the API serves, so the words a
 * reader sees and the data a client gets cannot drift apart.
 */

/** A JSON Schema node of the OpenAPI 3.1 document, as far as these pages read it. */
export type SchemaNode = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  description?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

export type OpenApiDocumentLike = {
  components?: { schemas?: Record<string, unknown> };
  paths?: Record<string, unknown>;
};

/** One row of a dataset's field table: a top-level field is a CSV column; `parties[].name` is JSON only. */
export type FieldRow = { path: string; topLevel: boolean; type: string; description: string; csv: string };

/** The top-level properties of a schema, in the schema's order: the CSV's columns. */
export function schemaProperties(
  document: OpenApiDocumentLike,
  schemaName: string,
): Record<string, SchemaNode> {
  const schema = document.components?.schemas?.[schemaName] as SchemaNode | undefined;
  if (!schema?.properties) throw new Error(`no schema ${schemaName} with properties in the OpenAPI document`);
  return schema.properties;
}

/** Every field of the schema, with the fields of nested records (one level of lists and objects) under it. */
export function datasetFields(t: Messages, document: OpenApiDocumentLike, schemaName: string): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (properties: Record<string, SchemaNode>, prefix: string, depth: number) => {
    for (const [name, node] of Object.entries(properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const shape = shapeOf(document, node);
      rows.push({
        path,
        topLevel: depth === 0,
        type: typeText(t, document, node),
        description: descriptionOf(document, node),
        csv: depth === 0 ? csvForm(t, shape) : t.openDataPages.csvForms.nested,
      });
      if (depth >= 1) continue;
      const inner = shape.list ? shape.item : shape;
      if (inner.properties && !inner.reference) {
        visit(inner.properties, shape.list ? `${path}[]` : path, depth + 1);
      } else if (inner.properties && inner.reference) {
        // A reference's own fields (id, name, url) are the same everywhere: only the ones it adds are listed.
        const extra = Object.fromEntries(
          Object.entries(inner.properties).filter(([key]) => !['id', 'name', 'url'].includes(key)),
        );
        if (Object.keys(extra).length > 0) visit(extra, shape.list ? `${path}[]` : path, depth + 1);
      }
    }
  };
  visit(schemaProperties(document, schemaName), '', 0);
  return rows;
}

type Shape = {
  types: string[];
  format?: string | undefined;
  enum?: unknown[] | undefined;
  nullable: boolean;
  list: boolean;
  item: Shape;
  properties?: Record<string, SchemaNode> | undefined;
  /** An object with id, name and url: a link to another record. */
  reference: boolean;
};

/** The node with its $ref, allOf and anyOf folded together (zod-openapi writes nullable refs that way). */
function shapeOf(document: OpenApiDocumentLike, node: SchemaNode, seen = 0): Shape {
  const merged = flatten(document, node, seen);
  const types = merged.types.filter((type) => type !== 'null');
  const list = types.includes('array') && merged.items !== undefined;
  const properties = merged.properties;
  const shape: Shape = {
    types,
    format: merged.format,
    enum: merged.enum,
    nullable: merged.types.includes('null'),
    list,
    item: undefined as unknown as Shape,
    properties,
    reference: properties !== undefined && ['id', 'name', 'url'].every((key) => key in properties),
  };
  shape.item = list && merged.items && seen < 5 ? shapeOf(document, merged.items, seen + 1) : shape;
  return shape;
}

type Flat = {
  types: string[];
  format?: string | undefined;
  enum?: unknown[] | undefined;
  description?: string | undefined;
  items?: SchemaNode | undefined;
  properties?: Record<string, SchemaNode> | undefined;
};

function flatten(document: OpenApiDocumentLike, node: SchemaNode, depth: number): Flat {
  const parts: SchemaNode[] = [node];
  if (node.$ref && depth < 10) {
    const name = node.$ref.split('/').pop() ?? '';
    const target = document.components?.schemas?.[name] as SchemaNode | undefined;
    if (target) parts.push(target);
  }
  const flat: Flat = { types: [] };
  for (const part of parts) {
    // A schema's own description before those of the parts it is made of (MeetingReference over Reference).
    if (part !== node) flat.description ??= part.description;
    for (const sub of [...(part.allOf ?? []), ...(part.anyOf ?? []), ...(part.oneOf ?? [])]) {
      const inner = flatten(document, sub, depth + 1);
      flat.types.push(...inner.types);
      flat.format ??= inner.format;
      flat.enum ??= inner.enum;
      flat.items ??= inner.items;
      if (inner.properties) flat.properties = { ...flat.properties, ...inner.properties };
      flat.description ??= inner.description;
    }
    if (part.type) flat.types.push(...(Array.isArray(part.type) ? part.type : [part.type]));
    flat.format ??= part.format;
    flat.enum ??= part.enum;
    flat.items ??= part.items;
    if (part.properties) flat.properties = { ...flat.properties, ...part.properties };
  }
  if (flat.properties && !flat.types.includes('object')) flat.types.push('object');
  return flat;
}

/** The field's own description: the property's, else that of the schema it refers to. */
function descriptionOf(document: OpenApiDocumentLike, node: SchemaNode): string {
  if (node.description) return node.description;
  for (const sub of [...(node.allOf ?? []), ...(node.anyOf ?? [])]) {
    if (sub.description) return sub.description;
  }
  return flatten(document, node, 0).description ?? '';
}

/** The field's type in Swedish, e.g. "datum (ÅÅÅÅ-MM-DD), eller null", "lista av länk till post". */
export function typeText(t: Messages, document: OpenApiDocumentLike, node: SchemaNode): string {
  return describeShape(t, shapeOf(document, node));
}

function describeShape(t: Messages, shape: Shape): string {
  const words = t.openDataPages.types;
  let text: string;
  if (shape.list) text = words.listOf(describeShape(t, shape.item));
  else if (shape.reference) text = words.reference;
  else if (shape.properties) text = words.object;
  else if (shape.types.includes('boolean')) text = words.boolean;
  else if (shape.types.includes('integer')) text = words.integer;
  else if (shape.types.includes('number')) text = words.number;
  else if (shape.format === 'date') text = words.date;
  else if (shape.format === 'date-time') text = words.dateTime;
  else if (shape.format === 'uri') text = words.uri;
  else text = words.text;
  if (shape.enum && shape.enum.length > 0) text = words.oneOf(text, shape.enum.map(String));
  return shape.nullable ? words.nullable(text) : text;
}

/** How a top-level field is written in the CSV file (the rules of csvValue in downloads.ts). */
function csvForm(t: Messages, shape: Shape): string {
  const words = t.openDataPages.csvForms;
  if (shape.list) {
    if (shape.item.reference) return words.references;
    if (shape.item.properties) return words.objects;
    return words.list;
  }
  if (shape.reference) return words.reference;
  if (shape.properties) return words.object;
  if (shape.types.includes('boolean')) return words.boolean;
  return words.same;
}
