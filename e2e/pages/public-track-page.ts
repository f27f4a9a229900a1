import { expect, type Page } from '@playwright/test';

/** The public tracking page: code box, status card, answer form. */
export class PublicTrackPage {
  constructor(private readonly page: Page) {}

  async track(code: string) {
    await this.page.goto('/public/suivi');
    await this.page.getByLabel('Code de suivi').fill(code);
    await this.page.getByRole('button', { name: 'Voir l’état' }).tap();
  }

  async expectStatus(text: string) {
    await expect(this.page.getByTestId('public-status')).toHaveText(text);
  }

  /** Accepts the proposed solution, proving ownership with the phone's last 4 digits, and rates it. */
  async acceptWithRating(last4: string, rating: number, comment: string) {
    await this.page.getByLabel('Les 4 derniers chiffres de votre téléphone').fill(last4);
    await this.page.getByLabel('J’accepte la solution').check();
    await this.page.getByRole('button', { name: String(rating), exact: true }).tap();
    await this.page.getByLabel('Commentaire (facultatif)').fill(comment);
    await this.page.getByRole('button', { name: 'Envoyer ma réponse' }).tap();
    await expect(this.page.getByText('Votre réponse a été enregistrée. Merci.')).toBeVisible();
  }
}
