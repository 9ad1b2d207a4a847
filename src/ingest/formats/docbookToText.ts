// The government's open-data edition (DocBook XML) -> the plain-text layout the parser reads: the chapter
// label and title first, each section title as a heading line, paras as paragraphs, listitems as bullets.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { createTextBlocks, type TextBlocks } from './htmlToText.ts';

const CONTAINERS = new Set(['book', 'part', 'chapter', 'article', 'appendix', 'preface', 'section', 'sect1', 'sect2', 'sect3', 'sect4', 'simplesect']);
const SKIP = new Set(['info', 'bookinfo', 'articleinfo', 'chapterinfo', 'sectioninfo', 'indexterm', 'remark', 'footnote', 'subtitle', 'titleabbrev']);
const PARAS = new Set(['para', 'simpara', 'formalpara', 'note', 'tip', 'blockquote', 'bridgehead']);

function localName(element: Element): string {
  return element.name.toLowerCase().replace(/^[\w-]+:/, '');
}

function walk(nodes: readonly ChildNode[], out: TextBlocks, depth: number): void {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') {
      if (node.type === 'text') out.write(node.data);
      else walk(node.children, out, depth);
      continue;
    }
    if (node.type !== 'tag') continue;
    const element = node as Element;
    const name = localName(element);
    if (SKIP.has(name)) continue;
    if (CONTAINERS.has(name)) {
      out.block();
      // The chapter's number comes first, as on the printed page.
      const label = element.attribs.label;
      if ((name === 'chapter' || depth === 0) && label) {
        out.write(label);
        out.block();
      }
      walk(element.children, out, depth + 1);
      out.block();
    } else if (name === 'title') {
      out.block();
      walk(element.children, out, depth);
      out.block();
    } else if (name === 'listitem') {
      out.bullet();
      // A listitem's paras form one bullet.
      for (const child of element.children) {
        if (child.type === 'tag' && PARAS.has(localName(child as Element))) {
          walk((child as Element).children, out, depth);
          out.write(' ');
        } else walk([child], out, depth);
      }
      out.block();
    } else if (PARAS.has(name)) {
      out.block();
      walk(element.children, out, depth);
      out.block();
    } else if (name === 'sbr' || name === 'literallayout') {
      out.lineBreak();
      if (name === 'literallayout') walk(element.children, out, depth);
    } else {
      walk(element.children, out, depth);
    }
  }
}

export function docbookToText(xml: string): string {
  const dom = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const out = createTextBlocks();
  walk(dom.children, out, 0);
  return out.finish();
}
