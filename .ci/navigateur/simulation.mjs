// « Simuler un changement de règle » dans Chromium : connexion Tasklist d'un gestionnaire, page
// /agents/simulations, grille de notation modifiée téléversée, rapport lu (différences surlignées),
// fichier illisible refusé en français, CSV téléchargé. Captures dans target/navigateur-simulation/.
// Usage : BASE=http://127.0.0.1:8080 node .ci/navigateur/simulation.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ouvrirChromium } from './chromium.mjs';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8080';
const SORTIE = 'target/navigateur-simulation';
mkdirSync(SORTIE, { recursive: true });
const grille = readFileSync('bpmn/notation-instruction.dmn', 'utf8').replace(
  '<outputEntry id="LiteralExpression_PoidsTerritoire_Emploi"><text>2</text></outputEntry>',
  '<outputEntry id="LiteralExpression_PoidsTerritoire_Emploi"><text>6</text></outputEntry>');
const candidate = join(SORTIE, 'notation-emploi-6.dmn');
writeFileSync(candidate, grille);
const illisible = join(SORTIE, 'illisible.dmn');
writeFileSync(illisible, '<definitions><decision id="x">');

const { contexte, fermer } = await ouvrirChromium({ largeur: 1400, hauteur: 1000 });
try {
  const p = await contexte.newPage();
  await p.goto(`${BASE}/camunda/app/tasklist/`);
  await p.locator('input[ng-model="username"]').fill('gestionnaire');
  await p.locator('input[ng-model="password"]').fill('demo');
  await p.locator('button[type="submit"]').click();
  await p.locator('.task-filter').first().waitFor({ timeout: 60000 });

  await p.goto(`${BASE}/agents/simulations`);
  await p.screenshot({ path: join(SORTIE, '1-formulaire.png'), fullPage: true });
  const vagues = await p.locator('input[name="vagues"]').count();
  console.log(`formulaire : ${vagues} vague(s) délibérée(s)`);

  await p.locator('input[name="notation"]').setInputFiles(illisible);
  await p.locator('button[type="submit"]').click();
  await p.waitForLoadState();
  console.log(`fichier illisible : ${await p.locator('.erreurs').innerText()}`);
  await p.screenshot({ path: join(SORTIE, '2-refus.png') });

  await p.locator('input[name="notation"]').setInputFiles(candidate);
  const t0 = Date.now();
  await p.locator('button[type="submit"]').click();
  await p.waitForURL(/\/agents\/simulations\/\d+$/, { timeout: 60000 });
  console.log(`rapport : ${p.url()} en ${Date.now() - t0} ms`);
  await p.screenshot({ path: join(SORTIE, '3-rapport-haut.png') });
  const premiere = p.locator('section').nth(1);
  await premiere.scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(SORTIE, '4-rapport-vague.png') });
  const ligneSortie = p.locator('tr.sort').first();
  if (await ligneSortie.count()) {
    await ligneSortie.scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(SORTIE, '5-rapport-sortant.png') });
  }
  console.log(`lignes surlignées : ${await p.locator('td.change').count()}, sortants : ${await p.locator('tr.sort').count()}, entrants : ${await p.locator('tr.entre').count()}`);
  const [telechargement] = await Promise.all([p.waitForEvent('download'), p.locator('a', { hasText: 'CSV' }).click()]);
  const chemin = join(SORTIE, telechargement.suggestedFilename());
  await telechargement.saveAs(chemin);
  console.log(`CSV : ${chemin}, ${readFileSync(chemin, 'utf8').split('\n').length - 1} ligne(s)`);
} finally {
  await fermer();
}
