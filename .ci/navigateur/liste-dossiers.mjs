// La liste de tous les dossiers (/agents/dossiers) vue dans Chromium avec la connexion Tasklist :
// filtres envoyés par le formulaire, tri par un en-tête, lien vers la fiche, lien d'export qui reprend
// les filtres (téléchargement réel). Captures dans $CAPTURES (par défaut /tmp/captures-liste).
// Usage : BASE=http://127.0.0.1:8080 node .ci/navigateur/liste-dossiers.mjs
import { mkdirSync } from 'node:fs';
import { ouvrirChromium } from './chromium.mjs';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8080';
const CAPTURES = process.env.CAPTURES ?? '/tmp/captures-liste';
mkdirSync(CAPTURES, { recursive: true });

function echec(message) {
  console.error(`ÉCHEC : ${message}`);
  process.exitCode = 1;
}

const { contexte, fermer } = await ouvrirChromium({ largeur: 1500, hauteur: 1000 });
try {
  const p = await contexte.newPage();
  await p.goto(`${BASE}/camunda/app/tasklist/`);
  await p.locator('input[ng-model="username"]').fill('gestionnaire');
  await p.locator('input[ng-model="password"]').fill('demo');
  await p.locator('button[type="submit"]').click();
  await p.locator('.task-filter').first().waitFor({ timeout: 30000 });

  await p.goto(`${BASE}/agents/dossiers`);
  await p.screenshot({ path: `${CAPTURES}/1-tous.png`, fullPage: true });
  if ((await p.locator('h1').textContent()) !== 'Tous les dossiers') echec('titre de la page');

  // Filtres par le formulaire : département 58, recherche sans accent.
  await p.locator('input[name="departement"]').fill('58');
  await p.locator('input[name="q"]').fill(process.env.RECHERCHE ?? 'fabrique');
  await p.locator('button[type="submit"]').click();
  await p.waitForLoadState();
  if (!p.url().includes('departement=58')) echec(`l'adresse ne porte pas les filtres : ${p.url()}`);
  await p.screenshot({ path: `${CAPTURES}/2-filtres.png`, fullPage: true });

  // Tri par structure, puis décroissant.
  await p.locator('th a', { hasText: 'Structure' }).click();
  await p.waitForLoadState();
  await p.locator('th a', { hasText: 'Structure' }).click();
  await p.waitForLoadState();
  if (!p.url().includes('tri=structure') || !p.url().includes('ordre=desc')) echec(`tri : ${p.url()}`);
  await p.screenshot({ path: `${CAPTURES}/3-tri.png`, fullPage: true });

  // Export CSV : le lien reprend les filtres, le téléchargement se fait avec la session.
  const lien = await p.locator('.boutons a', { hasText: 'CSV' }).getAttribute('href');
  if (!lien.includes('departement=58')) echec(`lien d'export sans les filtres : ${lien}`);
  const [telechargement] = await Promise.all([p.waitForEvent('download'), p.locator('.boutons a', { hasText: 'CSV' }).click()]);
  console.log(`export : ${telechargement.suggestedFilename()}`);
  await telechargement.saveAs(`${CAPTURES}/${telechargement.suggestedFilename()}`);

  // La fiche d'un dossier depuis la liste.
  const premier = p.locator('table.liste tbody tr td a').first();
  if (await premier.count()) {
    const numero = await premier.textContent();
    await premier.click();
    await p.waitForLoadState();
    if (!(await p.title()).includes(numero)) echec(`fiche de ${numero} non ouverte`);
    await p.screenshot({ path: `${CAPTURES}/4-fiche.png` });
  }
  console.log(process.exitCode ? 'liste des dossiers : ÉCHEC' : 'liste des dossiers : OK');
} finally {
  await fermer();
}
