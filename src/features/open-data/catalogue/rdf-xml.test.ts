import { DataFactory, type Quad } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { describe, expect, it } from 'vitest';
import { toRdfXml } from './rdf-xml.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;

function parse(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser();
    parser.on('data', (item: Quad) => quads.push(item));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

const s = namedNode("https://example.se/sak?a=1&b=2#x'y");
const dct = (name: string) => namedNode(`http://purl.org/dc/terms/${name}`);

describe('toRdfXml', () => {
  it('writes a graph that reads back as the same graph, whatever its texts hold', async () => {
    const graph = [
      quad(s, dct('title'), literal('Avtal <om> "samverkan" & mer\nrad två\r\ttabb ]]> åäö', 'sv')),
      quad(s, dct('title'), literal('Agreement', 'en-GB')),
      quad(s, dct('issued'), literal('2026-11-30', namedNode('http://www.w3.org/2001/XMLSchema#date'))),
      quad(s, dct('identifier'), literal('plain')),
      quad(s, dct('relation'), namedNode('mailto:a@b.se')),
      quad(s, namedNode('https://example.se/egen/vokabular#egenskap'), blankNode('n 1')),
      quad(blankNode('n 1'), dct('title'), literal('  mellanslag  ')),
    ];
    const xml = toRdfXml(graph);
    expect(xml).toContain('xmlns:ns1="https://example.se/egen/vokabular#"');
    expect(xml).toContain(`rdf:about="https://example.se/sak?a=1&amp;b=2#x'y"`);
    expect(isomorphic(await parse(xml), graph)).toBe(true);
  });

  it('refuses what RDF/XML cannot say rather than writing something wrong', () => {
    expect(() => toRdfXml([quad(s, namedNode('https://example.se/1'), literal('x'))])).toThrow(
      /element name/,
    );
    expect(() => toRdfXml([quad(s, dct('title'), literal('klocka \u0007'))])).toThrow(/XML 1.0/);
  });
});
