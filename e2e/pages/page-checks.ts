import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Quality checks run on every page a test walks through: axe-core's accessibility rules (only the
 * serious and critical findings fail, as agreed for the project) and the browser console, where a
 * failed request the page should never have made (a 401 or 422) shows up as an error.
 */
export class PageChecks {
  readonly consoleErrors: string[] = [];
  readonly violations: string[] = [];

  constructor(private readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error')
        this.consoleErrors.push(`${page.url()}: ${msg.text()} ${msg.location().url}`);
    });
    page.on('pageerror', (err) => this.consoleErrors.push(`${page.url()}: ${err.message}`));
    // Chromium's console line for a failed fetch does not name the address: record it from the response.
    page.on('response', (res) => {
      if (res.status() >= 400 && res.url().includes('/api/'))
        this.consoleErrors.push(`${page.url()}: ${res.status()} ${res.request().method()} ${res.url()}`);
    });
  }

  /** Opens a page and waits until it has loaded its data (no request pending, no spinner). */
  async visit(path: string) {
    await this.page.goto(path);
    await this.settle(path);
  }

  async settle(label = this.page.url()) {
    await this.page.waitForLoadState('networkidle');
    await expect(this.page.getByText(/^(Chargement…|Loading…)$/), `${label} has loaded`).toHaveCount(0, {
      timeout: 30_000,
    });
  }

  /** Runs axe on what the page shows now and keeps its serious and critical findings. */
  async axe(label = this.page.url()) {
    // The WCAG 2.1 A and AA rules: the level the project targets (best-practice rules are advice).
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      this.violations.push(`${label}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${targets.join(' | ')}`);
    }
  }

  /** The page is no wider than the window: nothing scrolls sideways. */
  async documentWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  /**
   * No serious or critical accessibility finding and a clean console. `allowed` lists console lines a page
   * cannot avoid (the login page asks whether a session exists and hears 401 when none does).
   */
  expectClean(allowed: RegExp[] = []) {
    const errors = this.consoleErrors.filter((line) => !allowed.some((a) => a.test(line)));
    expect({ violations: this.violations, consoleErrors: errors }).toEqual({
      violations: [],
      consoleErrors: [],
    });
  }
}
