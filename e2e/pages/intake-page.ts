import { expect, type Page } from '@playwright/test';

export interface NamedComplaint {
  category: string;
  channel: string;
  name: string;
  phone: string;
  description: string;
  villageSearch: string;
  villageOption: RegExp;
  photo: { name: string; mimeType: string; buffer: Buffer };
}

/** The desktop intake form a hotline operator fills in. */
export class IntakePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Nouvelle plainte' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Nouvelle plainte' })).toBeVisible();
  }

  async record(c: NamedComplaint) {
    await this.page.getByLabel('Catégorie').selectOption({ label: c.category });
    await this.page.getByLabel('Canal').selectOption({ label: c.channel });
    await this.page.getByLabel('Plaignant identifié').check();
    await this.page.getByLabel('Nom', { exact: true }).fill(c.name);
    await this.page.getByLabel('Téléphone').fill(c.phone);
    await this.page.getByLabel('Identité confidentielle').uncheck();
    await this.page.getByLabel('Description').fill(c.description);
    await this.page.getByLabel('Village').fill(c.villageSearch);
    await this.page
      .getByRole('list', { name: 'Résultats de la recherche' })
      .getByRole('button', { name: c.villageOption })
      .first()
      .click();
    await this.page.getByLabel('Fichiers à joindre').setInputFiles(c.photo);
    await this.page.getByRole('button', { name: 'Enregistrer la plainte' }).click();
    await expect(this.page.getByRole('heading', { name: 'Plainte enregistrée' })).toBeVisible();
  }

  /** The tracking code shown on the confirmation screen, as printed (XXXX-XXXX-C). */
  async trackingCode(): Promise<string> {
    const text = await this.page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/).textContent();
    return text!.trim();
  }
}
