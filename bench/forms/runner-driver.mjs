// Drives the field app's form runner for the rendering benchmark (render.mjs): the facilitator logs in to
// /terrain/ (the first sync brings the published forms), opens the form from the "Formulaires" screen, and
// the first pass over the pages answers what lets a page turn (each page's required first question) and
// says "Oui" to each page's 4th question so that every question of the page shows. Then `turn()` gives the
// next tap to time: "Suivant" up to the last page, "Précédent" back to the first, and so on.
import { expect } from 'playwright/test';

export async function openRunner(page, { def, password }) {
  await page.goto('/terrain/');
  await page.getByLabel("Nom d'utilisateur ou e-mail").fill('facilitateur.kara');
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText(/^Dernière synchronisation réussie/)).toBeVisible({ timeout: 60_000 });
  await page
    .getByRole('link', { name: /Formulaires/ })
    .first()
    .click();
  await page
    .getByRole('button', { name: new RegExp(`^Remplir « ${def.title.fr.replace(/[()]/g, '\\$&')} »`) })
    .click();

  const progress = page.locator('.form-runner .fr-progress span');
  const pages = def.fields.length;
  const at = async () => Number((await progress.textContent()).match(/Page (\d+)/)[1]);
  await expect(progress).toHaveText(`Page 1 sur ${pages}`);
  // First pass: fill each page so that it can be left, and every question shows.
  for (let p = 1; p <= pages; p++) {
    const group = def.fields[p - 1];
    await page
      .getByLabel(new RegExp(`^${group.children[0].label.fr}`))
      .first()
      .fill('Réponse');
    const yesNo = page.locator('fieldset', { hasText: group.children[3].label.fr });
    await yesNo.getByText('Oui', { exact: true }).click();
    if (p < pages) {
      await page.getByRole('button', { name: 'Suivant' }).click();
      await expect(progress).toHaveText(`Page ${p + 1} sur ${pages}`);
    }
  }
  let forward = false;
  return {
    async turn() {
      const here = await at();
      if (here === pages) forward = false;
      if (here === 1) forward = true;
      const target = forward ? here + 1 : here - 1;
      const button = page.getByRole('button', { name: forward ? 'Suivant' : 'Précédent' });
      return {
        click: () => button.click(),
        until: { selector: '.form-runner .fr-progress span', text: `Page ${target} sur` },
      };
    },
  };
}
