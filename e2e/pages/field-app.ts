import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './login-page.js';

export interface FieldComplaint {
  description: string;
  photo?: { name: string; mimeType: string; buffer: Buffer };
  /** Speak (Chromium's fake microphone) until the recording timer shows this many seconds (1–9). */
  audioSeconds?: number;
}

/** The field app (COSO Terrain, /terrain/) on a phone. */
export class FieldApp {
  constructor(private readonly page: Page) {}

  get badge() {
    return this.page.getByTestId('sync-badge');
  }

  /** The sync screen through the header's badge: an in-app navigation, the page is not reloaded. */
  async openSync() {
    await this.badge.click();
    await expect(this.page).toHaveURL(/\/terrain\/sync$/);
    await expect(this.page.getByTestId('sync-now')).toBeVisible();
  }

  /** Waits until the phone holds nothing for the server: no change, no file. */
  async expectNothingPending(timeout = 10_000) {
    await expect(this.badge).toHaveAttribute('data-pending-changes', '0', { timeout });
    await expect(this.badge).toHaveAttribute('data-pending-files', '0', { timeout });
  }

  async login(username: string) {
    await this.page.goto('/terrain/');
    await this.page.getByLabel("Nom d'utilisateur ou e-mail").fill(username);
    await this.page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
    // The home screen's sync card: the first pull (reference data, villages, cases) is on the phone.
    await expect(this.page.getByText(/^Dernière synchronisation réussie/)).toBeVisible({ timeout: 30_000 });
    await expect(this.badge).toContainText('À jour');
    // The service worker takes control once installed: from then on the app opens without network.
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
  }

  /**
   * Goes through the wizard answering only what a quick anonymous complaint needs; returns the tracking code
   * shown on the receipt.
   */
  async recordComplaint(c: FieldComplaint) {
    await this.page.goto('/terrain/new');
    for (let i = 0; i < 30; i++) {
      const step = await this.page.getByTestId('wizard-step').getAttribute('data-step');
      if (step === 'summary') break;
      await this.answer(step, c);
      await this.page.getByTestId('wizard-next').click();
      await expect(this.page.getByTestId('wizard-step')).not.toHaveAttribute('data-step', step ?? '');
    }
    await this.page.getByTestId('wizard-save').click();
    const code = this.page.getByTestId('receipt-tracking-code');
    await expect(code).toHaveText(/[2-9A-Z]{4}.?[2-9A-Z]{4}.?[2-9A-Z]/);
    return (await code.textContent())!.replace(/[^2-9A-Z]/g, '');
  }

  private async answer(step: string | null, c: FieldComplaint) {
    const page = this.page;
    const pick = (name: RegExp) => page.getByRole('radio', { name }).first().check();
    switch (step) {
      case 'type':
        return pick(/^Plainte/);
      case 'category':
        return pick(/Travaux des sous-projets/);
      case 'channel':
        return pick(/En personne/);
      case 'identity':
        return pick(/plainte anonyme/);
      case 'description':
        return page.getByRole('textbox').first().fill(c.description);
      case 'audio': {
        if (!c.audioSeconds) return;
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        const stop = page.getByRole('button', { name: /Arrêter/ });
        // The timer ticks twice a second; on a busy machine a tick can skip a value, hence the range.
        await expect(stop).toContainText(new RegExp(`Enregistrement… [${c.audioSeconds}-9] s`));
        await stop.click();
        await expect(page.getByText('Enregistrement 1', { exact: true })).toBeVisible();
        return;
      }
      case 'village':
        return page.getByRole('radio').first().check();
      case 'photos':
        if (!c.photo) return;
        await page.getByTestId('wizard-photo-input').setInputFiles(c.photo);
        await expect(page.getByRole('img', { name: /Photo 1/ })).toBeVisible({ timeout: 30_000 });
        return;
    }
  }
}
