import { expect, type Page } from '@playwright/test';

export class GeoImportPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Import géographique' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Import géographique' })).toBeVisible();
  }

  async upload(name: string, csv: string, { dryRun }: { dryRun: boolean }) {
    await this.page.getByLabel('Fichier (CSV ou XLSX)').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const dry = this.page.getByLabel('Simulation (dry run)');
    if (dryRun) await dry.check();
    else await dry.uncheck();
    await this.page.getByLabel("Arrêter en cas d'erreur (ne rien importer)").check();
    await this.page.getByRole('button', { name: dryRun ? 'Lancer la simulation' : 'Importer' }).click();
  }

  rejectedRows() {
    return this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: 'Motif' }) });
  }
}
