// Versions des processus et migration des dossiers en cours, dans un vrai navigateur
// (README, « Nouvelle version d'un processus : migrer les dossiers en cours ») :
// un analyste déploie une nouvelle version de comite-vague.bpmn (avec les formulaires) par /engine-rest ;
// le gestionnaire voit l'entrée « Versions des processus » au tableau de bord de Cockpit, ouvre
// /agents/versions avec sa session Cockpit, voit le plan, le lance par le formulaire (motif), lit le rapport.
// Usage : node .ci/navigateur/versions-processus.mjs http://localhost:8080 (base jetable : les vagues ouvertes migrent).
// Captures : target/navigateur/versions/NN-page.png
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirChromium } from './chromium.mjs';

const BASE = process.argv[2] || 'http://localhost:8080';
const RACINE = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SORTIE = join(RACINE, 'target', 'navigateur', 'versions');
mkdirSync(SORTIE, { recursive: true });
let n = 0;
const echec = (m) => { console.error('ÉCHEC : ' + m); process.exitCode = 1; };

async function deployerNouvelleVersion() {
  const corps = new FormData();
  corps.append('deployment-name', 'comite-vague corrigé');
  const bpmn = readFileSync(join(RACINE, 'bpmn', 'comite-vague.bpmn'), 'utf8')
    .replace('isExecutable="true"', 'isExecutable="true" camunda:versionTag="navigateur"');
  corps.append('comite-vague.bpmn', new Blob([bpmn], { type: 'text/xml' }), 'comite-vague.bpmn');
  for (const f of readdirSync(join(RACINE, 'forms')).filter((x) => x.endsWith('.form'))) {
    corps.append(f, new Blob([readFileSync(join(RACINE, 'forms', f))], { type: 'application/json' }), f);
  }
  const r = await fetch(BASE + '/engine-rest/deployment/create', {
    method: 'POST', body: corps, headers: { Authorization: 'Basic ' + Buffer.from('analyste:demo').toString('base64') }
  });
  if (!r.ok) echec('déploiement : ' + r.status + ' ' + (await r.text()));
}

const { contexte, fermer } = await ouvrirChromium();
const page = await contexte.newPage();
const capture = async (nom) => page.screenshot({ path: join(SORTIE, `${String(++n).padStart(2, '0')}-${nom}.png`), fullPage: true });
page.on('pageerror', (e) => echec('erreur JavaScript : ' + e.message));
try {
  if (!process.env.SANS_DEPLOIEMENT) await deployerNouvelleVersion();
  await page.goto(BASE + '/camunda/app/cockpit/');
  await page.locator('input[ng-model="username"]').fill('gestionnaire');
  await page.locator('input[ng-model="password"]').fill('demo');
  await page.locator('button[type="submit"]').click();
  const entree = page.locator('section.fabriques-versions');
  await entree.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => /comite-vague/.test(document.querySelector('section.fabriques-versions p')?.textContent || ''),
    null, { timeout: 15000 }).catch(() => echec('le tableau de bord ne compte pas les instances de comite-vague sur une version antérieure'));
  await capture('cockpit-tableau-de-bord');

  await page.goto(BASE + '/agents/versions');
  await page.locator('h1').waitFor();
  await capture('versions');
  const formulaire = page.locator('form[action="/agents/versions/comite-vague/plan"]');
  if (await formulaire.count() !== 1) echec('pas de formulaire « Voir le plan » pour comite-vague');
  await formulaire.locator('button').click();
  await page.waitForURL(/\/plan\?/);
  const texte = await page.locator('main').innerText();
  if (!/Plan valide/.test(texte)) echec('plan non valide : ' + texte.slice(0, 500));
  await capture('plan');
  await page.locator('textarea[name="motif"]').fill('Libellé de la séance corrigé (essai navigateur)');
  await page.locator('form[method="post"] button').click();
  await page.waitForURL(/\/agents\/versions\/migrations\/\d+/, { timeout: 15000 }).catch(async () => {
    await capture('lancement-refuse');
    echec('lancement : ' + page.url() + ' — ' + (await page.locator('body').innerText()).slice(0, 400));
    throw new Error('arrêt');
  });
  await capture('rapport-lance');
  // Le lot tourne en tâche de fond (exécuteur du moteur) : la page se relit jusqu'à « terminé ».
  const termine = async () => /état du lot\s+terminé/.test(await page.locator('main').innerText());
  for (let i = 0; i < 30 && !(await termine()); i++) {
    await page.waitForTimeout(2000);
    await page.reload();
  }
  if (!(await termine())) echec('le lot ne se termine pas');
  if (!/migrées \(sur la version \d+\)\s+2/.test(await page.locator('main').innerText())) echec('rapport : 2 instances migrées attendues');
  await capture('rapport-termine');
  await page.goto(BASE + '/agents/versions');
  await capture('versions-apres');
  console.log(`captures : ${SORTIE}`);
} finally {
  await fermer();
}
