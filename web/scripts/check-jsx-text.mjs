#!/usr/bin/env node
// Fails when a .tsx file under src/ shows literal text instead of going through
// the translation catalogue: a JSX text node containing letters (any script),
// a string literal with letters placed directly in JSX ({'Save'}), or such a
// literal in a user-visible attribute (aria-label, title, placeholder, alt, label).
// Parses with the TSX parser that Vite's bundler (rolldown) ships, so comments,
// generics and comparisons are never mistaken for text. Needs `npm ci` first.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rolldown/parseAst';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LETTER = /\p{L}/u;
const VISIBLE_ATTRS = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.tsx')) files.push(p);
  }
};
walk(join(root, 'src'));

const problems = [];

function lineOf(src, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
  return line;
}

// Literal strings an expression can evaluate to: itself, or the branches of
// `cond ? 'a' : 'b'` and `cond && 'a'`.
function literalTexts(node) {
  if (!node) return [];
  if (node.type === 'ConditionalExpression') return [...literalTexts(node.consequent), ...literalTexts(node.alternate)];
  if (node.type === 'LogicalExpression') return [...literalTexts(node.left), ...literalTexts(node.right)];
  if (node.type === 'ParenthesizedExpression') return literalTexts(node.expression);
  const text = literalText(node);
  return text === null ? [] : [text];
}

function literalText(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ');
  return null;
}

for (const file of files) {
  const src = readFileSync(file, 'utf8');
  let ast;
  try {
    ast = parseAst(src, { lang: 'tsx' }, file);
  } catch (e) {
    problems.push(`${relative(root, file)}: cannot parse (${e.message})`);
    continue;
  }
  const report = (node, what, text) =>
    problems.push(`${relative(root, file)}:${lineOf(src, node.start)}: ${what} ${JSON.stringify(text.trim())}`);

  const visit = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'JSXText' && LETTER.test(node.value)) report(node, 'literal text in JSX:', node.value);
    if (node.type === 'JSXExpressionContainer' && parent && (parent.type === 'JSXElement' || parent.type === 'JSXFragment')) {
      for (const text of literalTexts(node.expression)) {
        if (LETTER.test(text)) report(node, 'literal string in JSX:', text);
      }
    }
    if (node.type === 'JSXAttribute' && node.name?.type === 'JSXIdentifier' && VISIBLE_ATTRS.has(node.name.name)) {
      const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
      for (const text of literalTexts(value)) {
        if (LETTER.test(text)) report(node, `literal ${node.name.name} attribute:`, text);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) for (const c of child) visit(c, node);
      else if (child && typeof child === 'object') visit(child, node);
    }
  };
  visit(ast, null);
}

if (problems.length) {
  console.error(`JSX text check failed: ${problems.length} literal text${problems.length > 1 ? 's' : ''} outside t(...):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`JSX text check passed: ${files.length} .tsx files, no literal text outside t(...).`);
