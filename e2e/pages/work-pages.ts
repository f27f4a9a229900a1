import { expect, type Page } from '@playwright/test';

/** The API as the logged-in user of `page` (same cookie; the CSRF token read from /api/v1/me). */
export async function staffApi(page: Page) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return {
    me: me as { id: string; displayName: string },
    get: async (url: string, params?: Record<string, string>) => {
      const res = await page.request.get(url, params ? { params } : {});
      expect(res.status(), url).toBe(200);
      return res.json();
    },
    post: async (url: string, data: object) => {
      const res = await page.request.post(url, { data, headers });
      expect(res.status(), `${url} ${await res.text()}`).toBeLessThan(300);
      return res.json();
    },
  };
}

/** The home page's "needs you now" counts, each a link to its list. */
export class HomeWork {
  constructor(private readonly page: Page) {}

  private card(key: string) {
    return this.page.getByTestId(`home-${key}`);
  }

  async count(key: string): Promise<number> {
    await expect(this.card(key)).toBeVisible();
    return Number(await this.card(key).getByTestId('home-count').textContent());
  }

  async open(key: string) {
    await this.card(key).click();
    await expect(this.page.getByRole('heading', { name: 'Plaintes' })).toBeVisible();
    await expect(this.page.getByText('Chargement…')).toHaveCount(0);
  }
}

/** The case page's action dialogs, by their button and field labels. */
export class CaseDialog {
  constructor(private readonly page: Page) {}

  async openCase(id: string) {
    await this.page.goto(`/complaints/${id}`);
    // The case page loads several parts at once; on a busy 2-core CI runner that can take a while.
    await expect(this.page.getByRole('heading', { name: /Plainte / })).toBeVisible({ timeout: 30_000 });
  }

  /** Opens an action's dialog and returns it. */
  async start(action: string) {
    await this.page.getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Chargement…')).toHaveCount(0);
    return dialog;
  }
}
