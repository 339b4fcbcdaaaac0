import { InvalidOptionError } from '../errors.js';

/**
 * NATS subject filters: `*` matches one token, `>` (last) one or more.
 * Compiled once per filter; `matches` runs on every published message.
 */
export class SubjectMatcher {
  readonly filter: string;
  private readonly tokens: readonly string[];
  private readonly tail: boolean;

  constructor(filter: string) {
    assertValidFilter(filter);
    const tokens = filter.split('.');
    this.filter = filter;
    this.tail = tokens[tokens.length - 1] === '>';
    this.tokens = this.tail ? tokens.slice(0, -1) : tokens;
  }

  matches(subject: string): boolean {
    const parts = subject.split('.');
    const wanted = this.tokens;
    if (
      this.tail ? parts.length <= wanted.length : parts.length !== wanted.length
    ) {
      return false;
    }
    for (let i = 0; i < wanted.length; i++) {
      if (wanted[i] !== '*' && wanted[i] !== parts[i]) return false;
    }
    return true;
  }
}

function assertValidFilter(filter: string): void {
  const tokens = filter.split('.');
  const bad = tokens.some(
    (token, i) =>
      token === '' ||
      /\s/.test(token) ||
      (token.includes('>') && (token !== '>' || i !== tokens.length - 1)) ||
      (token.includes('*') && token !== '*'),
  );
  if (bad) {
    throw new InvalidOptionError(
      `subject filter "${filter}" is invalid: expected dot-separated tokens, ` +
        '`*` for one token, `>` only as the last token',
    );
  }
}

/** Throws unless `subject` is a literal subject (no wildcards). */
export function assertPublishSubject(subject: string): void {
  const tokens = subject.split('.');
  if (tokens.some((t) => t === '' || /[\s*>]/.test(t))) {
    throw new InvalidOptionError(
      `subject "${subject}" is invalid: expected dot-separated tokens ` +
        'without wildcards or spaces',
    );
  }
}
