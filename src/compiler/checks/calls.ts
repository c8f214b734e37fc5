import { staticText, type BlockNode, type CallNode, type FileNode, type ValueNode } from '../../language/ast.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Reporter } from '../reporter.ts';

const functions = ['file', 'env'];
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `file("…")` and `env("…")` are the only calls, each with one plain string. Returns the calls
 * it rejected, so the attribute schemas do not report them a second time.
 */
export function checkCalls(ast: FileNode, reporter: Reporter): Set<CallNode> {
  const bad = new Set<CallNode>();
  const stack: BlockNode[] = [...ast.blocks];
  while (stack.length > 0) {
    const block = stack.pop()!;
    for (const item of block.body) {
      if (item.type === 'Block') stack.push(item);
      else visit(item.value, reporter, bad);
    }
  }
  return bad;
}

function visit(value: ValueNode, reporter: Reporter, bad: Set<CallNode>): void {
  if (value.type === 'List') {
    for (const item of value.items) visit(item, reporter, bad);
    return;
  }
  if (value.type !== 'Call') return;
  const before = reporter.diagnostics.length;
  check(value, reporter);
  if (reporter.diagnostics.length > before) bad.add(value);
}

function check(value: CallNode, reporter: Reporter): void {
  const name = value.callee.name;
  if (!functions.includes(name)) {
    reporter.report('invalid-call', value.callee.span, `unknown function \`${name}\``, { help: didYouMean(name, functions) ?? 'the functions are file("path") and env("NAME")' });
    return;
  }
  const [arg, ...extra] = value.args;
  const text = arg?.type === 'String' ? staticText(arg) : undefined;
  if (extra.length > 0) {
    reporter.report('invalid-call', extra[0]!.span, `\`${name}\` takes one argument`, { help: `write ${name}("${name === 'file' ? 'path' : 'NAME'}")` });
  } else if (text === undefined) {
    reporter.report('invalid-call', arg?.span ?? value.span, `\`${name}\` takes one plain string`, { help: `write ${name}("${name === 'file' ? 'path' : 'NAME'}")` });
  } else if (name === 'env' && !envName.test(text)) {
    reporter.report('invalid-call', arg!.span, `\`${text}\` is not an environment variable name`, { help: 'names are letters, digits and underscores, like MARIE_API_KEY' });
  }
}
