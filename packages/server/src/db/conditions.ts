/**
 * Collects WHERE clauses with numbered parameters: `c.add('a.x = ?', v)` becomes `a.x = $n`.
 * Keeps dynamic filters readable without string-concatenating values.
 */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  add(clause: string, ...values: unknown[]): this {
    this.clauses.push(this.text({ sql: clause, params: values }));
    return this;
  }

  /** Numbers a fragment's placeholders after the parameters so far, without adding it as a clause. */
  text(fragment: { sql: string; params: readonly unknown[] }): string {
    let text = fragment.sql;
    for (const value of fragment.params) {
      this.params.push(value);
      text = text.replace('?', `$${this.params.length}`);
    }
    return text;
  }

  /** Adds a parameter without a clause (e.g. LIMIT) and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.clauses.length ? `where ${this.clauses.join(' and ')}` : '';
  }
}
