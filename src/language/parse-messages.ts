import { EOF, tokenLabel, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

function found(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  const image = token.image.length > 24 ? token.image.slice(0, 24) + '…' : token.image;
  return '`' + image.replace(/\s+/g, ' ') + '`';
}

function oneOf(types: TokenType[]): string {
  const labels = [...new Set(types.map(tokenLabel))];
  if (labels.length <= 1) return labels[0] ?? 'something else';
  return labels.slice(0, -1).join(', ') + ' or ' + labels.at(-1);
}

const valueHint = 'a value (a string, number, duration, rate, amount, true/false, name, list or call)';

/** Messages in the language's own words; Chevrotain's defaults name grammar rules and token types. */
export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (ruleName === 'block' && expected.name === 'RCurly') {
      return `expected \`}\` to close the block, or another attribute or block, but found ${found(actual)}`;
    }
    if (ruleName === 'block' && expected.name === 'LCurly') {
      return `expected \`{\` to open the block, but found ${found(actual)}`;
    }
    if (ruleName === 'attribute' && expected.name === 'Equals') {
      return `expected \`=\` after the attribute name, but found ${found(actual)}`;
    }
    if (ruleName === 'list' && expected.name === 'RBracket') return `expected \`,\` or \`]\` in the list, but found ${found(actual)}`;
    if (ruleName === 'call' && expected.name === 'RParen') return `expected \`,\` or \`)\` in the call, but found ${found(actual)}`;
    return `expected ${tokenLabel(expected)} but found ${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.image === '}') return 'unexpected `}`: there is no open block to close';
    return `expected a block such as \`workflow NAME { … }\`, but found ${found(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const first = actual[0]!;
    if (ruleName === 'block' && first.tokenType.name === 'Identifier' && actual[1]) {
      return `after \`${first.image}\`, expected \`=\` to set an attribute or \`{\` to open a block, but found ${found(actual[1])}`;
    }
    if (ruleName === 'value') return `expected ${valueHint}, but found ${found(first)}`;
    const starts = expectedPathsPerAlt.flat().map((path) => path[0]!).filter(Boolean);
    return `expected ${oneOf(starts)} but found ${found(first)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const starts = expectedIterationPaths.map((path) => path[0]!).filter(Boolean);
    return `expected at least one ${oneOf(starts)} but found ${found(actual[0]!)}`;
  },
};
