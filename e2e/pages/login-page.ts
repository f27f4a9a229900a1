import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-COSO-2027';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  }

  async login(username: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel("Nom d'utilisateur ou e-mail").fill(username);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  /** Logs in and waits for the home page. */
  async loginAs(username: string, password = DEMO_PASSWORD) {
    await this.open();
    await this.login(username, password);
    await expect(this.page.getByText(/Bienvenue/)).toBeVisible();
  }
}
