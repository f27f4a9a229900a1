import { expect, type Page } from '@playwright/test';

export interface PublicComplaint {
  category: string;
  description: string;
  /** Region, prefecture, commune, canton, village: the names chosen in each select. */
  place: [string, string, string, string, string];
  name: string;
  phone: string;
  /** Ticks "J’accepte de recevoir par SMS…". */
  notifyConsent?: boolean;
}

/** The public complaint form, as a citizen fills it on a phone. */
export class PublicFilePage {
  constructor(private readonly page: Page) {}

  async openFromHome() {
    await this.page.goto('/public');
    await this.page.getByRole('link', { name: /Déposer une plainte/ }).tap();
    await expect(this.page.getByRole('heading', { name: 'Votre plainte' })).toBeVisible();
  }

  async file(c: PublicComplaint): Promise<string> {
    await this.page.getByLabel('Sujet').selectOption({ label: c.category });
    await this.page.getByLabel('Que s’est-il passé ?').fill(c.description);
    await this.page.getByRole('button', { name: 'Suivant' }).tap();
    const levels = ['Région', 'Préfecture', 'Commune', 'Canton', 'Village'];
    for (const [i, level] of levels.entries()) {
      const select = this.page.getByLabel(level, { exact: true });
      await expect(select.locator('option', { hasText: c.place[i]! }).first()).toBeAttached();
      await select.selectOption({ label: c.place[i]! });
    }
    await this.page.getByRole('button', { name: 'Suivant' }).tap();
    await this.page.getByLabel('Votre nom').fill(c.name);
    await this.page.getByLabel('Votre téléphone').fill(c.phone);
    if (c.notifyConsent) await this.page.getByLabel(/recevoir par SMS/).check();
    await this.page.getByRole('button', { name: 'Envoyer ma plainte' }).tap();
    await expect(this.page.getByRole('heading', { name: 'Plainte envoyée' })).toBeVisible();
    return (await this.page.getByTestId('tracking-code').textContent())!.trim();
  }
}
