import type { Quad, Term } from 'n3';
import { PREFIXES } from './vocabulary.ts';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF}langString`;

/**
 * A small RDF/XML writer (W3C RDF 1.1 XML Syntax), since no maintained npm package writes RDF/XML: one
 * `rdf:Description rdf:about` per subject (rdf:nodeID for a blank node), in the order the subjects first
 * appear, and a property element per triple — `rdf:resource` for an IRI, `xml:lang` for a language-tagged
 * literal, `rdf:datatype` for any other typed one. Every namespace is declared on `rdf:RDF`: the known
 * prefixes, then `ns1`, `ns2`, … for any other. A predicate whose IRI cannot be split into namespace and
 * XML local name, or a literal with a character XML 1.0 cannot carry, is an error, never bad output.
 */
export function toRdfXml(quads: Iterable<Quad>, prefixes: Record<string, string> = PREFIXES): string {
  const namespaces = new Map<string, string>(Object.entries(prefixes).map(([prefix, ns]) => [ns, prefix]));
  namespaces.set(RDF, 'rdf');
  const subjects = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const item of quads) {
    if (item.graph.termType !== 'DefaultGraph') throw new Error('RDF/XML holds one graph only');
    const key = `${item.subject.termType}:${item.subject.value}`;
    const entry = subjects.get(key) ?? { subject: item.subject, quads: [] };
    entry.quads.push(item);
    subjects.set(key, entry);
  }

  let extra = 0;
  const qname = (iri: string): string => {
    const split = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
    const ns = iri.slice(0, split);
    const local = iri.slice(split);
    if (!split || !NC_NAME.test(local)) throw new Error(`no RDF/XML element name for <${iri}>`);
    let prefix = namespaces.get(ns);
    if (!prefix) {
      extra += 1;
      prefix = `ns${extra}`;
      namespaces.set(ns, prefix);
    }
    return `${prefix}:${local}`;
  };

  const body: string[] = [];
  for (const { subject, quads: about } of subjects.values()) {
    body.push(`  <rdf:Description ${node(subject)}>`);
    for (const item of about) {
      const name = qname(item.predicate.value);
      const object = item.object;
      if (object.termType === 'Literal') {
        const datatype = object.datatype.value;
        const attribute = object.language
          ? ` xml:lang="${attributeText(object.language)}"`
          : datatype === XSD_STRING || datatype === LANG_STRING
            ? ''
            : ` rdf:datatype="${attributeText(datatype)}"`;
        body.push(`    <${name}${attribute}>${elementText(object.value)}</${name}>`);
      } else {
        body.push(
          `    <${name} ${object.termType === 'NamedNode' ? 'rdf:resource' : 'rdf:nodeID'}="${reference(object)}"/>`,
        );
      }
    }
    body.push('  </rdf:Description>');
  }

  const declarations = [...namespaces].map(([ns, prefix]) => `\n    xmlns:${prefix}="${attributeText(ns)}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF${declarations.join('')}>\n${body.join('\n')}\n</rdf:RDF>\n`;
}

function node(term: Term): string {
  if (term.termType === 'NamedNode') return `rdf:about="${attributeText(term.value)}"`;
  if (term.termType === 'BlankNode') return `rdf:nodeID="${reference(term)}"`;
  throw new Error(`a ${term.termType} cannot be a subject in RDF/XML`);
}

function reference(term: Term): string {
  if (term.termType === 'NamedNode') return attributeText(term.value);
  if (term.termType === 'BlankNode') {
    // rdf:nodeID must be an XML name: anything else in a blank node's label is spelled out.
    const label = term.value.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0)?.toString(16)}_`);
    return `b${label}`;
  }
  throw new Error(`a ${term.termType} cannot be referred to in RDF/XML`);
}

/** An XML NCName, ASCII letters and the usual name characters (what our vocabularies use). */
const NC_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Characters XML 1.0 cannot hold at all, even escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what it looks for
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function checked(value: string): string {
  if (NOT_XML.test(value)) throw new Error('a character XML 1.0 cannot carry');
  return value;
}

/** Text content: &, < and > escaped; a carriage return kept as a character reference (else it is lost). */
function elementText(value: string): string {
  return checked(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}

/** An attribute value in double quotes: also ", and whitespace that attribute normalisation would change. */
function attributeText(value: string): string {
  return elementText(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;');
}
