// Tasklist, Cockpit, Admin et Welcome en français, vus par un navigateur réglé en anglais (en-US).
//
//   node interface-fr.mjs http://localhost:8080
//
// Dépose un dossier de démonstration par l'API (pour avoir des tâches, des instances et des dates
// à l'écran), puis parcourt les quatre applications : gestionnaire (Welcome, Tasklist, Cockpit),
// instructeur (une tâche ouverte dans Tasklist), admin (Admin). Sur chaque page : langue « fr »,
// titre et en-tête « Fabriques de Territoire », pas de bandeau de fin de vie de Camunda 7, aucun
// libellé anglais de Camunda ni clé de traduction brute visible. Enfin le lien « English » du pied
// de page passe Tasklist en anglais, et « Français » la remet en français.
//
// Images : target/navigateur/interface-fr/NN-page.png. Code 0 si rien n'a été relevé, 1 sinon.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirChromium } from './chromium.mjs';
import { chargerLibelles, scannerPage } from './libelles.mjs';
import { siretAleatoire } from './siret.mjs';

const ICI = dirname(fileURLToPath(import.meta.url));
const RACINE = resolve(ICI, '../..');
const SORTIE = join(RACINE, 'target/navigateur/interface-fr');
const BASE = (process.argv[2] || process.env.FABRIQUES_URL || 'http://localhost:8080').replace(/\/$/, '');
const MOT_DE_PASSE = 'demo';
const MARQUE = 'Fabriques de Territoire';

const anomalies = [];
const images = [];
let numero = 0;

function anomalie(message) {
  anomalies.push(message);
  console.log(`  ✗ ${message}`);
}

function basic(utilisateur) {
  return 'Basic ' + Buffer.from(`${utilisateur}:${MOT_DE_PASSE}`).toString('base64');
}

async function http(methode, chemin, { json, auth } = {}) {
  const entetes = { Accept: 'application/json' };
  if (auth) entetes.Authorization = auth;
  if (json !== undefined) entetes['Content-Type'] = 'application/json';
  const r = await fetch(BASE + chemin, { method: methode, headers: entetes, body: json === undefined ? undefined : JSON.stringify(json) });
  const texte = await r.text();
  let donnees = null;
  try { donnees = texte ? JSON.parse(texte.replace(/^\uFEFF/, '')) : null; } catch { donnees = texte; }
  return { statut: r.status, donnees, texte };
}

/** Un dossier déposé (et une vague ouverte au besoin) : des tâches et des instances à montrer. */
async function deposer() {
  const vagues = await http('GET', '/api/agents/vagues', { auth: basic('gestionnaire') });
  if (!vagues.donnees.find((v) => v.appel === 'FABRIQUES_TERRITOIRE' && v.etat === 'OUVERTE')) {
    const maintenant = new Date();
    const jours = (n) => new Date(maintenant.getTime() + n * 86400000);
    await http('POST', '/api/agents/vagues', {
      auth: basic('gestionnaire'),
      json: {
        code: `FDT-${maintenant.getUTCFullYear()}-P${Math.floor(maintenant.getTime() / 1000).toString(36).toUpperCase().slice(-6)}`,
        appel: 'FABRIQUES_TERRITOIRE',
        dateLimite: jours(30).toISOString().replace(/\.\d+Z$/, 'Z'),
        dateComite: jours(45).toISOString().slice(0, 10),
      },
    });
  }
  const depot = JSON.parse(readFileSync(join(RACINE, 'src/test/resources/exemples/depot.json'), 'utf8'));
  depot.structure.siret = siretAleatoire();
  const r = await http('POST', '/api/dossiers', { json: depot });
  if (r.statut !== 201) throw new Error(`POST /api/dossiers → ${r.statut} ${r.texte}`);
  console.log(`dossier déposé : ${r.donnees.numero}`);
  return r.donnees.numero;
}

async function verifierPage(page, nom, libelles, { connecte = true, langue = 'fr' } = {}) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(800);
  const fichier = join(SORTIE, `${String(++numero).padStart(2, '0')}-${nom}.png`);
  await page.screenshot({ path: fichier });
  images.push(fichier);
  console.log(`${nom} : ${fichier}`);

  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== langue) anomalie(`${nom} : <html lang="${lang}">, attendu « ${langue} »`);
  const titre = await page.title();
  if (!titre.includes(MARQUE)) anomalie(`${nom} : titre de la page « ${titre} »`);
  if (await page.locator('.ce-eol-banner').isVisible().catch(() => false)) anomalie(`${nom} : bandeau de fin de vie de Camunda 7 visible`);
  if (connecte) {
    const marque = await page.locator('[cam-widget-header] .brand-name').first().innerText().catch(() => '');
    if (!marque.includes(MARQUE)) anomalie(`${nom} : en-tête « ${marque} »`);
  }
  if (langue !== 'fr') return;
  for (const message of await scannerPage(page, libelles, nom)) anomalie(message);
}

async function connecter(page, app, utilisateur) {
  await page.context().clearCookies();
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  await page.locator('input[ng-model="username"]').waitFor({ timeout: 20000 });
  await page.locator('input[ng-model="username"]').fill(utilisateur);
  await page.locator('input[ng-model="password"]').fill(MOT_DE_PASSE);
  await page.locator('button[type="submit"]').click();
  await page.locator('[cam-widget-header] .brand-name').first().waitFor({ timeout: 20000 }).catch(async (e) => {
    await page.screenshot({ path: join(SORTIE, `connexion-${app}-${utilisateur}-echec.png`) });
    throw new Error(`connexion de ${utilisateur} à ${app} : ${e.message} (page ${page.url()})`);
  });
}

async function principal() {
  rmSync(SORTIE, { recursive: true, force: true });
  mkdirSync(SORTIE, { recursive: true });
  const libelles = await chargerLibelles(BASE);
  const dossier = await deposer();

  const { contexte, fermer } = await ouvrirChromium({ langue: 'en-US' });
  try {
    const page = contexte.pages()[0] || (await contexte.newPage());
    page.on('pageerror', (e) => anomalie(`erreur JavaScript : ${e.message}`));
    const langues = await page.evaluate(() => navigator.languages);
    console.log(`langues du navigateur : ${langues.join(', ')}`);

    // Welcome : page de connexion, puis accueil du gestionnaire.
    await page.goto(`${BASE}/camunda/app/welcome/default/`);
    await page.locator('input[ng-model="username"]').waitFor({ timeout: 20000 });
    await verifierPage(page, 'welcome-connexion', libelles, { connecte: false });
    await connecter(page, 'welcome', 'gestionnaire');
    await verifierPage(page, 'welcome', libelles);

    // Tasklist : le gestionnaire, puis l'instructeur avec la tâche du dossier ouverte.
    await connecter(page, 'tasklist', 'gestionnaire');
    await page.locator('.task-filter').first().waitFor({ timeout: 20000 });
    await verifierPage(page, 'tasklist-gestionnaire', libelles);
    await connecter(page, 'tasklist', 'instructeur');
    await page.locator('.task-filter', { hasText: 'Tâches de mon groupe' }).click();
    const carte = page.locator('ol.tasks-list > li.task', { hasText: dossier }).first();
    await carte.waitFor({ timeout: 20000 });
    await carte.locator('h4.task a').click();
    await page.locator('.fjs-container').waitFor({ timeout: 20000 }).catch(() => anomalie('Tasklist : formulaire de la tâche absent'));
    // L'échéance survolée : sa date complète (format « long » de config.js) dans l'infobulle.
    await page.locator('[am-time-ago="task.due"]').first().hover().catch(() => anomalie('Tasklist : échéance de la tâche absente'));
    await verifierPage(page, 'tasklist-tache', libelles);
    // Prise en charge, puis l'historique de la tâche : des dates au format « normal » de config.js.
    await page.locator('button.claim').click();
    await page.locator('button.claim').waitFor({ state: 'detached', timeout: 10000 }).catch(() => anomalie('Tasklist : « Prendre en charge » sans effet'));
    await page.getByText('Historique', { exact: true }).first().click();
    await page.getByText('Prise en charge', { exact: false }).first().waitFor({ timeout: 10000 })
      .catch(() => console.log("  (aucune prise en charge à l'historique)"));
    await verifierPage(page, 'tasklist-tache-historique', libelles);

    // Cockpit : tableau de bord, processus, définition et instance du dossier.
    await connecter(page, 'cockpit', 'gestionnaire');
    await verifierPage(page, 'cockpit-tableau-de-bord', libelles);
    await page.goto(`${BASE}/camunda/app/cockpit/default/#/processes`);
    await verifierPage(page, 'cockpit-processus', libelles);
    const definition = await http('GET', '/engine-rest/process-definition/key/Process_Dossier', { auth: basic('gestionnaire') });
    if (definition.statut === 200) {
      await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-definition/${definition.donnees.id}/runtime`);
      await verifierPage(page, 'cockpit-definition', libelles);
    } else anomalie(`Process_Dossier introuvable : ${definition.statut}`);
    const instance = await http('GET', `/engine-rest/process-instance?businessKey=${dossier}&processDefinitionKey=Process_Dossier`,
      { auth: basic('gestionnaire') });
    if (instance.statut === 200 && instance.donnees.length) {
      await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-instance/${instance.donnees[0].id}/runtime`);
      await verifierPage(page, 'cockpit-instance', libelles);
      const instruction = await http('GET', `/engine-rest/process-instance?businessKey=${dossier}&processDefinitionKey=Process_Instruction`,
        { auth: basic('gestionnaire') });
      await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-instance/${instruction.donnees[0].id}/runtime?tab=user-tasks-tab`);
      await verifierPage(page, 'cockpit-instance-taches', libelles);
      // Le menu des applications (icône maison de l'en-tête).
      await page.locator('[cam-widget-header] .app-switch > a, [cam-widget-header] .app-switch [uib-dropdown-toggle]').first().click()
        .then(() => verifierPage(page, 'cockpit-menu-applications', libelles), () => console.log('  (menu des applications introuvable)'));
    } else anomalie(`instance du dossier ${dossier} introuvable : ${instance.statut}`);

    // Admin : l'administrateur.
    await connecter(page, 'admin', 'admin');
    await verifierPage(page, 'admin-tableau-de-bord', libelles);
    await page.goto(`${BASE}/camunda/app/admin/default/#/users`);
    await verifierPage(page, 'admin-utilisateurs', libelles);
    await page.goto(`${BASE}/camunda/app/admin/default/#/users/gestionnaire?tab=profile`);
    await verifierPage(page, 'admin-utilisateur', libelles);
    await page.goto(`${BASE}/camunda/app/admin/default/#/authorization?resource=0`);
    await verifierPage(page, 'admin-autorisations', libelles);

    // L'anglais à la demande (lien du pied de page), gardé d'une application à l'autre, puis retour.
    await connecter(page, 'tasklist', 'gestionnaire');
    await page.locator('[cam-widget-footer] .fabriques-langue a', { hasText: 'English' }).click();
    await page.locator('.task-filter').first().waitFor({ timeout: 20000 });
    await verifierPage(page, 'tasklist-en-anglais', libelles, { langue: 'en' });
    const enAnglais = await page.locator('[cam-widget-header]').innerText();
    if (!/Create task|Start process/.test(enAnglais)) anomalie(`Tasklist en anglais : en-tête « ${enAnglais.replace(/\s+/g, ' ')} »`);
    await page.goto(`${BASE}/camunda/app/cockpit/default/`);
    await page.locator('[cam-widget-header] .brand-name').first().waitFor({ timeout: 20000 });
    await verifierPage(page, 'cockpit-en-anglais', libelles, { langue: 'en' });
    await page.locator('[cam-widget-footer] .fabriques-langue a', { hasText: 'Français' }).click();
    await page.locator('[cam-widget-header] .brand-name').first().waitFor({ timeout: 20000 });
    await verifierPage(page, 'cockpit-de-nouveau-en-francais', libelles);
  } finally {
    await fermer();
  }
}

try {
  await principal();
} catch (e) {
  anomalie(`arrêt : ${e.stack || e.message}`);
}
console.log(`\n${images.length} image(s) sous ${SORTIE}`);
if (anomalies.length) {
  console.log(`${anomalies.length} anomalie(s) :`);
  for (const a of anomalies) console.log(`  - ${a}`);
  process.exit(1);
}
console.log('Aucune anomalie : tout est en français, sans bandeau, sous « Fabriques de Territoire ».');
