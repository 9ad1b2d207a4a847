// An HTML page of a chapter (as published on the web) -> the plain-text layout the parser reads:
// blocks on their own lines separated by blank lines, list items as "- " bullets, <br> as a line break.
// Navigation, scripts and page furniture are skipped; when the page has a <main> or <article>, only it is read.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { findOne } from 'domutils';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'head', 'template', 'svg', 'form', 'button', 'aside', 'iframe']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'body', 'html', 'hr', 'pre', 'address', 'li',
]);

export interface TextBlocks {
  lines: string[];
  /** Starts a new block (a blank line before it unless the previous block was a list item too). */
  block(): void;
  /** Appends inline text to the current line. */
  write(text: string): void;
  /** Ends the current line without ending the block. */
  lineBreak(): void;
  /** Starts a bullet (no blank line between consecutive bullets). */
  bullet(): void;
  finish(): string;
}

/** Collects inline text into lines and blocks, collapsing white space as a browser would. */
export function createTextBlocks(): TextBlocks {
  const lines: string[] = [];
  let current = '';
  let lastWasBullet = false;
  let currentIsBullet = false;
  const flush = (): boolean => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (!text || text === '-') return false;
    lines.push(text);
    return true;
  };
  const endBlock = (): void => {
    const wrote = flush();
    if (wrote) lastWasBullet = currentIsBullet;
    currentIsBullet = false;
  };
  return {
    lines,
    block() {
      endBlock();
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
    },
    write(text) {
      current += text;
    },
    lineBreak() {
      flush();
    },
    bullet() {
      endBlock();
      if (lines.length && lines[lines.length - 1] !== '' && !lastWasBullet) lines.push('');
      current = '- ';
      currentIsBullet = true;
    },
    finish() {
      endBlock();
      return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
    },
  };
}

function walk(nodes: readonly ChildNode[], out: TextBlocks): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.write(node.data);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (SKIP.has(name) || element.attribs.hidden !== undefined || element.attribs['aria-hidden'] === 'true') continue;
    if (name === 'br') {
      out.lineBreak();
      continue;
    }
    if (name === 'li') {
      out.bullet();
      walk(element.children, out);
      out.block();
      continue;
    }
    const block = BLOCK.has(name);
    if (block) out.block();
    walk(element.children, out);
    if (block) out.block();
  }
}

export function htmlToText(html: string): string {
  const dom = parseDocument(html, { decodeEntities: true });
  const root = findOne((e) => e.name === 'main', dom.children) ?? findOne((e) => e.name === 'article', dom.children);
  const out = createTextBlocks();
  walk(root ? [root] : dom.children, out);
  return out.finish();
}
