// Une vague de N dossiers (500 par défaut) devant le comité, dans Tasklist en français avec le Chromium de Debian.
//
//   node grande-vague.mjs http://localhost:8095 [--dossiers 500] [--paralleles 4]
//
// Mise en place par les portes des utilisateurs : une vague ouverte par un gestionnaire
// (POST /api/agents/vagues), N dépôts par l'API des porteurs, chacun instruit par /engine-rest avec les
// comptes de démonstration (complétude, avis, notes, validation), la vague close (POST …/cloture).
// Puis, dans Tasklist :
//   1. gestionnaire ouvre « Préparer la séance » : l'ordre du jour montre les N dossiers (chaque numéro est
//      lu dans le texte du formulaire), durée d'ouverture mesurée ; « Terminer » ;
//   2. les N tâches « Décider du dossier » sont créées en tâche de fond ; comite ouvre le filtre
//      « Comité — vague X » (rangs 1, 2, 3… en tête), décide le premier dossier dans le formulaire ;
//   3. le reste est décidé en bloc par PUT /api/agents/vagues/{code}/decisions ;
//   4. gestionnaire ouvre « Arrêter les décisions » (effet sur les quotas, les N décisions) et publie ;
//      la publication, en tâche de fond, est lue sur la vague (GET /api/agents/vagues : publication PUBLIEE).
// Aucune réponse 5xx de l'application n'est tolérée (ni de Tasklist, ni de l'API) ; chaque page est
// relevée pour les libellés anglais d'origine. Images sous target/navigateur/grande-vague/.
//
// Les dépôts viennent tous de la même adresse : l'application doit l'accepter (fabriques.limites.depots,
// 2 000 par heure par défaut).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirChromium } from './chromium.mjs';
import { chargerLibelles, scannerPage } from './libelles.mjs';
import { siretAleatoire } from './siret.mjs';

const RACINE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SORTIE = join(RACINE, 'target/navigateur/grande-vague');
const BASE = (process.argv[2] || process.env.FABRIQUES_URL || 'http://localhost:8080').replace(/\/$/, '');
const TASKLIST = `${BASE}/camunda/app/tasklist/default/`;
const option = (nom, defaut) => {
  const i = process.argv.indexOf(nom);
  return i > 0 ? Number(process.argv[i + 1]) : defaut;
};
const N = option('--dossiers', 500);
const PARALLELES = option('--paralleles', 4);
const debut = Date.now();
const anomalies = [];
const mesures = [];

const journal = (m) => console.log(`[${((Date.now() - debut) / 1000).toFixed(1).padStart(6)} s] ${m}`);
const anomalie = (m) => { anomalies.push(m); journal(`ANOMALIE : ${m}`); };
const echec = (m) => { throw new Error(m); };
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const basic = (u) => 'Basic ' + Buffer.from(`${u}:demo`).toString('base64');

async function http(methode, chemin, { json, auth } = {}) {
  const h = { Accept: 'application/json' };
  if (auth) h.Authorization = auth;
  if (json !== undefined) h['Content-Type'] = 'application/json';
  const r = await fetch(BASE + chemin, { method: methode, headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
  const texte = await r.text();
  if (r.status >= 500) anomalie(`${methode} ${chemin} → ${r.status} ${texte.slice(0, 300)}`);
  let donnees = null;
  try { donnees = texte ? JSON.parse(texte) : null; } catch { donnees = texte; }
  return { statut: r.status, donnees, texte };
}

async function chrono(nom, fn) {
  const t0 = Date.now();
  const r = await fn();
  mesures.push([nom, Date.now() - t0]);
  journal(`  ${nom} : ${Date.now() - t0} ms`);
  return r;
}

async function tacheDe(cle, businessKey, utilisateur) {
  const fin = Date.now() + 60000;
  for (;;) {
    const r = await http('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(businessKey)}&taskDefinitionKey=${cle}`,
      { auth: basic(utilisateur) });
    if (r.donnees?.[0]) return r.donnees[0];
    if (Date.now() > fin) echec(`${businessKey} : pas de tâche ${cle} pour ${utilisateur} après 60 s`);
    await pause(300);
  }
}

async function soumettre(cle, numero, utilisateur, valeurs) {
  const t = await tacheDe(cle, numero, utilisateur);
  const auth = basic(utilisateur);
  const c = await http('POST', `/engine-rest/task/${t.id}/claim`, { auth, json: { userId: utilisateur } });
  if (c.statut !== 204) echec(`${numero} : claim ${cle} → ${c.statut} ${c.texte}`);
  const variables = Object.fromEntries(Object.entries(valeurs).map(([k, v]) => [k, { value: v }]));
  const r = await http('POST', `/engine-rest/task/${t.id}/submit-form`, { auth, json: { variables } });
  if (r.statut >= 300) echec(`${numero} : submit-form ${cle} → ${r.statut} ${r.texte}`);
}

async function deposerEtInstruire(vague, i) {
  const depot = JSON.parse(readFileSync(join(RACINE, 'src/test/resources/exemples/depot.json'), 'utf8'));
  depot.structure.siret = siretAleatoire();
  depot.structure.raisonSociale = `Fabrique de la grande vague n° ${i + 1}`;
  depot.vague = vague;
  const r = await http('POST', '/api/dossiers', { json: depot });
  if (r.statut !== 201) echec(`dépôt ${i + 1} → ${r.statut} ${r.texte}`);
  const numero = r.donnees.numero;
  await soumettre('UserTask_VerifierCompletude', numero, 'instructeur', { complet: 'true' });
  await soumettre('UserTask_DonnerAvisTerritorial', numero, 'referent-58', { avisTerritorial: 'FAVORABLE' });
  const n = (k) => 1 + ((i * 7 + k * 3) % 5);
  await soumettre('UserTask_InstruireDossier', numero, 'instructeur', {
    noteGouvernance: n(1), notePartenariats: n(2), noteBesoinLocal: n(3), noteOffreServices: n(4), noteModeleEconomique: n(5), noteEmploi: n(6),
    montantPropose1: 40000, montantPropose2: 40000, montantPropose3: 30000,
    motifProposition: 'Proposition établie au vu de la grille de notation.', absenceConflitInterets: true,
  });
  await soumettre('UserTask_ValiderProposition', numero, 'gestionnaire', { propositionValidee: 'true' });
  return numero;
}

async function connecter(page, contexte, utilisateur) {
  await contexte.clearCookies();
  await page.goto(TASKLIST);
  await page.locator('input[ng-model="username"]').fill(utilisateur);
  await page.locator('input[ng-model="password"]').fill('demo');
  await page.locator('button[type="submit"]').click();
  await page.locator('.task-filter').first().waitFor({ timeout: 30000 });
}

async function choisirFiltre(page, nom) {
  await page.mouse.move(800, 900);
  await page.locator('.task-filter').filter({ has: page.locator('h4.name a', { hasText: nom }) }).first().click();
}

/** Ouvre la première tâche du filtre dont le nom contient `texte`, la prend en charge ; rend le texte du formulaire. */
async function ouvrirTache(page, filtre, texte, nomImage) {
  await choisirFiltre(page, filtre);
  const carte = page.locator('ol.tasks-list > li.task').filter({ hasText: texte }).first();
  await carte.waitFor({ timeout: 30000 });
  const t0 = Date.now();
  await carte.locator('h4.task a').click();
  await page.locator('.fjs-container').waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  await page.locator('.fjs-container .fjs-form-field').first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(500);
  mesures.push([`${nomImage} : ouverture dans Tasklist (clic → formulaire affiché, prise en charge comprise)`, Date.now() - t0]);
  await page.screenshot({ path: join(SORTIE, `${nomImage}.png`), fullPage: false });
  return page.locator('.fjs-container').innerText();
}

async function terminer(page, nom) {
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Terminer' }).click();
  await page.locator('.fjs-container').waitFor({ state: 'detached', timeout: 120000 }).catch(async () => {
    await page.screenshot({ path: join(SORTIE, `${nom}-non-termine.png`) });
    const alertes = await page.locator('.alert-danger:visible').allInnerTexts();
    echec(`${nom} : le formulaire reste ouvert après « Terminer » ${alertes.join(' ')}`);
  });
  mesures.push([`${nom} : « Terminer » (requête de Tasklist)`, Date.now() - t0]);
}

async function principal() {
  mkdirSync(SORTIE, { recursive: true });
  const libelles = await chargerLibelles(BASE);
  journal(`vague de ${N} dossiers sur ${BASE}`);
  const maintenant = new Date();
  const vague = `FDT-${maintenant.getUTCFullYear()}-G${Math.floor(maintenant.getTime() / 1000).toString(36).toUpperCase().slice(-5)}`;
  const ouverte = await http('POST', '/api/agents/vagues', { auth: basic('gestionnaire'), json: {
    code: vague, appel: 'FABRIQUES_TERRITOIRE',
    dateLimite: new Date(maintenant.getTime() + 30 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z'),
  } });
  if (ouverte.statut !== 201) echec(`POST /api/agents/vagues → ${ouverte.statut} ${ouverte.texte}`);

  const numeros = [];
  await chrono(`${N} dépôts et instructions par les API (${PARALLELES} à la fois)`, async () => {
    let suivant = 0;
    await Promise.all(Array.from({ length: PARALLELES }, async () => {
      while (suivant < N) {
        const i = suivant++;
        numeros.push(await deposerEtInstruire(vague, i));
        if (numeros.length % 50 === 0) journal(`  ${numeros.length} dossiers instruits`);
      }
    }));
  });
  await chrono('clôture de la vague (POST …/cloture)', async () => {
    const r = await http('POST', `/api/agents/vagues/${vague}/cloture`, { auth: basic('gestionnaire'), json: {} });
    if (r.statut !== 200) echec(`clôture → ${r.statut} ${r.texte}`);
  });

  const { contexte, fermer } = await ouvrirChromium({ largeur: 1400, hauteur: 1000, langue: 'en-US' });
  const page = await contexte.newPage();
  page.on('response', async (r) => {
    if (r.status() >= 500) anomalie(`${r.request().method()} ${r.url().replace(BASE, '')} → ${r.status()}`);
  });
  try {
    // 1. Préparer la séance.
    await connecter(page, contexte, 'gestionnaire');
    const fin = Date.now() + 60000;
    while (!(await page.locator('ol.tasks-list > li.task').filter({ hasText: `Préparer la séance — vague ${vague}` }).count())) {
      if (Date.now() > fin) echec('« Préparer la séance » absente après 60 s');
      await page.reload();
      await page.locator('.task-filter').first().waitFor();
      await choisirFiltre(page, 'Tâches de mon groupe');
      await pause(1000);
    }
    const ordre = await ouvrirTache(page, 'Tâches de mon groupe', `Préparer la séance — vague ${vague}`, 'preparer-seance');
    const absents = numeros.filter((n) => !ordre.includes(n));
    if (absents.length) anomalie(`ordre du jour : ${absents.length} dossier(s) absents du formulaire (${absents.slice(0, 5).join(', ')}…)`);
    else journal(`  l'ordre du jour montre les ${N} dossiers (${ordre.length} caractères)`);
    for (const m of await scannerPage(page, libelles, 'Préparer la séance', 'tasklist')) anomalie(m);
    await page.locator('.fjs-container input[type="checkbox"]').first().check();
    await terminer(page, 'Préparer la séance');

    // 2. N tâches de décision, le filtre de la vague, un dossier décidé dans le formulaire.
    await chrono(`création des ${N} tâches « Décider du dossier » (tâche de fond)`, async () => {
      const limite = Date.now() + 300000;
      for (;;) {
        const r = await http('GET', `/engine-rest/task/count?processInstanceBusinessKey=${vague}&taskDefinitionKey=UserTask_DeciderDossier`,
          { auth: basic('comite') });
        if (r.donnees?.count >= N) return;
        if (Date.now() > limite) echec(`${r.donnees?.count} tâches de décision après 5 min`);
        await pause(1000);
      }
    });
    await connecter(page, contexte, 'comite');
    const filtre = `Comité — vague ${vague}`;
    const t0 = Date.now();
    await choisirFiltre(page, filtre);
    await page.locator('ol.tasks-list > li.task').first().waitFor({ timeout: 60000 });
    mesures.push([`filtre « ${filtre} » : liste affichée`, Date.now() - t0]);
    const titres = await page.locator('ol.tasks-list > li.task h4.task a').allInnerTexts();
    const rangs = titres.map((t) => Number((t.match(/\(n° (\d+),/) || [])[1]));
    if (rangs.slice(0, 3).join(',') !== '1,2,3') anomalie(`filtre de la vague : rangs en tête ${rangs.slice(0, 5).join(', ')} (attendu 1, 2, 3…)`);
    await page.screenshot({ path: join(SORTIE, 'filtre-comite.png') });
    const formulaire = await ouvrirTache(page, filtre, '(n° 1,', 'decider-dossier-1');
    const premier = numeros.find((n) => formulaire.includes(n));
    if (!formulaire.includes(`Rang 1 sur ${N}`)) anomalie(`« Décider du dossier » n° 1 : « Rang 1 sur ${N} » absent`);
    await page.getByLabel('Lauréat').check();
    await terminer(page, 'Décider du dossier n° 1');

    // 3. Le reste en bloc.
    const lignes = numeros.filter((n) => n !== premier).map((numero, i) => (i % 10 === 0
      ? { numero, decision: 'AJOURNE' } : { numero, decision: 'REFUSE', motivation: 'Classé au-delà des places de la vague.' }));
    await chrono(`décisions en bloc (PUT …/decisions, ${lignes.length} lignes)`, async () => {
      const r = await http('PUT', `/api/agents/vagues/${vague}/decisions`, { auth: basic('comite'), json: lignes });
      if (r.statut !== 200) echec(`PUT …/decisions → ${r.statut} ${r.texte.slice(0, 500)}`);
    });

    // 4. Arrêter les décisions, publication en tâche de fond.
    await connecter(page, contexte, 'gestionnaire');
    const finArret = Date.now() + 300000;
    for (;;) {
      await choisirFiltre(page, 'Tâches de mon groupe');
      if (await page.locator('ol.tasks-list > li.task').filter({ hasText: `Arrêter les décisions — vague ${vague}` }).count()) break;
      if (Date.now() > finArret) echec('« Arrêter les décisions » absente après 5 min');
      await pause(2000);
      await page.reload();
      await page.locator('.task-filter').first().waitFor();
    }
    const effet = await ouvrirTache(page, 'Tâches de mon groupe', `Arrêter les décisions — vague ${vague}`, 'arreter-decisions');
    if (!effet.includes(premier) || !effet.includes(numeros[numeros.length - 1])) anomalie('« Arrêter les décisions » : décisions absentes du formulaire');
    await page.getByLabel('Arrêter et publier les décisions (notifiées aux porteurs)').check();
    await terminer(page, 'Arrêter les décisions');
    await chrono('publication (tâche de fond, lue sur la vague)', async () => {
      const limite = Date.now() + 300000;
      for (;;) {
        const r = await http('GET', '/api/agents/vagues', { auth: basic('gestionnaire') });
        const v = r.donnees.find((x) => x.code === vague);
        if (v?.publication?.etat === 'PUBLIEE') {
          journal(`  publiée : ${v.publication.laureats} lauréat(s), ${v.publication.refuses} refusé(s), ${v.publication.ajournes} ajourné(s)`);
          if (v.publication.laureats + v.publication.refuses + v.publication.ajournes !== N) anomalie(`publication : ${JSON.stringify(v.publication)}`);
          return;
        }
        if (v?.publication?.etat === 'REFUSEE') echec(`publication refusée : ${v.publication.refus}`);
        if (Date.now() > limite) echec('publication non faite après 5 min');
        await pause(2000);
      }
    });
  } finally {
    await fermer();
  }
  console.log(`\n=== Vague de ${N} dossiers : durées (ms) ===`);
  for (const [nom, ms] of mesures) console.log(`${String(ms).padStart(8)}  ${nom}`);
  console.log(`\nDurée totale : ${((Date.now() - debut) / 1000).toFixed(0)} s ; images : ${SORTIE}`);
  if (anomalies.length) {
    console.log(`\n${anomalies.length} anomalie(s) :\n- ${anomalies.join('\n- ')}`);
    process.exit(1);
  }
  console.log('Aucune anomalie.');
}

principal().catch((e) => {
  console.error(`ÉCHEC : ${e.message}`);
  if (anomalies.length) console.error(`anomalies : \n- ${anomalies.join('\n- ')}`);
  process.exit(1);
});
