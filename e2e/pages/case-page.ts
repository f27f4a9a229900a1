import { expect, type Page } from '@playwright/test';

/** A case file, reached from the lists by its tracking code. */
export class CasePage {
  constructor(private readonly page: Page) {}

  /** Searches the caller's cases for a tracking code; returns how many rows matched. */
  async search(code: string): Promise<number> {
    await this.page.goto(`/complaints?q=${encodeURIComponent(code)}`);
    await expect(this.page.getByRole('heading', { name: 'Plaintes' })).toBeVisible();
    await expect(this.page.getByText('Chargement…')).toHaveCount(0);
    return this.page.getByRole('row').filter({ hasText: code }).count();
  }

  async openFromList(code: string) {
    await this.page.getByRole('row').filter({ hasText: code }).getByRole('link').first().click();
    await expect(this.page.getByRole('heading', { name: new RegExp(`Plainte ${code}`) })).toBeVisible();
  }

  async act(action: string, fields: Record<string, string> = {}) {
    await this.page.getByRole('button', { name: action }).click();
    const dialog = this.page.getByRole('dialog');
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(dialog).toBeHidden();
  }

  async expectStatus(label: string) {
    await expect(this.page.getByText(label, { exact: true }).first()).toBeVisible();
  }
}
