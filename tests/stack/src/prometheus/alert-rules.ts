import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { repoPath } from '../repo-root.js';

export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

interface RuleFile {
  readonly groups: readonly { readonly rules: readonly AlertRule[] }[];
}

export const RULE_FILES = ['prometheus/rules/hostwatch.yml'];

/** Every alert rule of the repository's rule files. */
export async function readAlertRules(): Promise<AlertRule[]> {
  const rules: AlertRule[] = [];
  for (const file of RULE_FILES) {
    const parsed = parse(await readFile(repoPath(file), 'utf8')) as RuleFile;
    for (const group of parsed.groups) rules.push(...group.rules);
  }
  return rules;
}

const COMPARISON = /^(==|!=|>=|<=|>|<)\s*(bool\s+)?-?\d+(\.\d+)?(e-?\d+)?/;

/**
 * The signal an alert compares with its thresholds: the expression with
 * every top-level `<op> <number>` removed (`a > 100 and b > 0` becomes
 * `a and b`). A healthy system does not fire its alerts, but their signals
 * must return data, or a misspelt metric would never page. Comparisons
 * inside parentheses, label matchers and strings are left alone.
 */
export function alertSignal(expr: string): string {
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote !== null) {
      if (c === quote && expr[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (depth === 0) {
      const match = COMPARISON.exec(expr.slice(i));
      if (match !== null) {
        i += match[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out.replace(/\s+/g, ' ').trim();
}
