import { expect, type Page } from '@playwright/test';

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  password: string;
  roleLabel: string;
  jurisdictionSearch: string;
  jurisdictionName: RegExp;
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async openNew() {
    await this.page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Utilisateurs' })
      .click();
    await this.page.getByRole('link', { name: 'Nouvel utilisateur' }).click();
    await expect(this.page.getByRole('heading', { name: 'Nouvel utilisateur' })).toBeVisible();
  }

  async create(u: NewUser) {
    await this.page.getByLabel("Nom d'utilisateur").fill(u.username);
    await this.page.getByLabel('Nom complet').fill(u.displayName);
    await this.page.getByLabel('E-mail').fill(u.email);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(u.password);
    await this.page.getByLabel(u.roleLabel).check();
    const picker = this.page.getByLabel('Juridictions');
    await picker.fill(u.jurisdictionSearch);
    await this.page
      .getByRole('list', { name: 'Zones trouvées' })
      .getByText(u.jurisdictionName)
      .first()
      .click();
    await this.page.getByRole('button', { name: "Créer l'utilisateur" }).click();
  }

  async expectListed(username: string) {
    await this.page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Utilisateurs' })
      .click();
    await this.page.getByLabel('Rechercher').fill(username);
    await expect(this.page.getByRole('row').filter({ hasText: username })).toBeVisible();
  }
}
