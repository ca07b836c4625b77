// La page « Programme » de Cockpit et son entrée au tableau de bord, dans un vrai Chromium.
//
//   node pilotage-cockpit.mjs http://localhost:8080
//
// Dépose quelques dossiers par l'API (communes de trois régions), lit GET /api/agents/pilotage
// (HTTP Basic, gestionnaire), puis se connecte à Cockpit : gestionnaire (tableau de bord, onglet
// « Programme », page complète, changement de périmètre), comite (la page aussi, sans autre droit
// dans Cockpit) et analyste. Vérifie : l'entrée du tableau de bord et la page s'affichent en
// français avec les chiffres de l'API (quotas, enveloppe, total des dossiers, régions, retards),
// six sections, des graphiques SVG, chaque nombre lié à /agents/dossiers…, aucun libellé anglais
// de Camunda ni clé de traduction brute, aucune erreur dans la console.
//
// Images : target/navigateur/pilotage/NN-page.png. Code 0 si rien n'a été relevé, 1 sinon.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirChromium } from './chromium.mjs';
import { chargerLibelles, scannerPage } from './libelles.mjs';
import { siretAleatoire } from './siret.mjs';

const ICI = dirname(fileURLToPath(import.meta.url));
const RACINE = resolve(ICI, '../..');
const SORTIE = join(RACINE, 'target/navigateur/pilotage');
const BASE = (process.argv[2] || process.env.FABRIQUES_URL || 'http://localhost:8080').replace(/\/$/, '');
const MOT_DE_PASSE = 'demo';
const SECTIONS = ['Quotas par catégorie', 'Enveloppe', 'Dossiers', 'Géographie', 'Délais', 'Tâches en retard'];

const anomalies = [];
let numero = 0;
const nombres = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

function anomalie(message) {
  anomalies.push(message);
  console.log(`  ✗ ${message}`);
}

function verifier(condition, message) {
  if (condition) console.log(`  ✓ ${message}`);
  else anomalie(message);
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
  try { donnees = texte ? JSON.parse(texte) : null; } catch { donnees = texte; }
  return { statut: r.status, donnees, texte };
}

const COMMUNES = [
  { commune: 'Nevers', codePostal: '58000', codeInsee: '58194', departement: '58', region: '27' },
  { commune: 'Clamecy', codePostal: '58500', codeInsee: '58079', departement: '58', region: '27' },
  { commune: 'Guéret', codePostal: '23000', codeInsee: '23096', departement: '23', region: '75' },
  { commune: 'Aurillac', codePostal: '15000', codeInsee: '15014', departement: '15', region: '84' },
];

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
  const numeros = [];
  for (const c of COMMUNES) {
    const depot = JSON.parse(readFileSync(join(RACINE, 'src/test/resources/exemples/depot.json'), 'utf8'));
    depot.structure.siret = siretAleatoire();
    depot.structure.adresse = { ...depot.structure.adresse, ...c };
    depot.structure.raisonSociale = `Association La Fabrique de ${c.commune}`;
    const r = await http('POST', '/api/dossiers', { json: depot });
    if (r.statut === 201) {
      console.log(`dossier déposé : ${r.donnees.numero} (${c.commune})`);
      numeros.push(r.donnees.numero);
    }
    else console.log(`  (dépôt à ${c.commune} refusé : ${r.statut} ${r.texte.slice(0, 200)})`);
  }
  return numeros;
}

async function tacheCompletude(numero) {
  for (let i = 0; i < 40; i++) {
    const r = await http('GET', `/engine-rest/task?processInstanceBusinessKey=${numero}&taskDefinitionKey=UserTask_VerifierCompletude`,
      { auth: basic('admin') });
    if (r.statut === 200 && r.donnees.length) return r.donnees[0];
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(`pas de tâche de complétude pour ${numero}`);
}

/**
 * Des délais et des retards à montrer : la complétude des deux premiers dossiers vérifiée par
 * l'instructeur (comme dans Tasklist, par le REST du moteur), l'échéance de la tâche du troisième
 * mise trois jours dans le passé par l'administrateur (Admin ou REST).
 */
async function preparerChiffres(numeros) {
  for (const numero of numeros.slice(0, 2)) {
    const t = await tacheCompletude(numero);
    await http('POST', `/engine-rest/task/${t.id}/claim`, { auth: basic('instructeur'), json: { userId: 'instructeur' } });
    const r = await http('POST', `/engine-rest/task/${t.id}/submit-form`, { auth: basic('instructeur'),
      json: { variables: { complet: { value: 'true' } } } });
    console.log(`complétude de ${numero} : ${r.statut}`);
  }
  if (numeros.length > 2) {
    const t = await tacheCompletude(numeros[2]);
    const due = new Date(Date.now() - 3 * 86400000).toISOString().replace('Z', '+0000');
    const champs = { name: t.name, description: t.description, priority: t.priority, assignee: t.assignee, owner: t.owner,
      delegationState: t.delegationState, due, followUp: t.followUp, parentTaskId: t.parentTaskId, caseInstanceId: t.caseInstanceId,
      tenantId: t.tenantId };
    const r = await http('PUT', `/engine-rest/task/${t.id}`, { auth: basic('admin'), json: champs });
    console.log(`échéance de la tâche de ${numeros[2]} passée : ${r.statut} ${r.statut === 204 ? '' : r.texte}`);
  }
}

async function capture(page, nom, { pleine = false } = {}) {
  const fichier = join(SORTIE, `${String(++numero).padStart(2, '0')}-${nom}.png`);
  await page.screenshot({ path: fichier, fullPage: pleine });
  console.log(`${nom} : ${fichier}`);
  return fichier;
}

async function connecter(page, utilisateur) {
  await page.context().clearCookies();
  await page.goto(`${BASE}/camunda/app/cockpit/default/`);
  await page.locator('input[ng-model="username"]').waitFor({ timeout: 20000 });
  await page.locator('input[ng-model="username"]').fill(utilisateur);
  await page.locator('input[ng-model="password"]').fill(MOT_DE_PASSE);
  await page.locator('button[type="submit"]').click();
  await page.locator('[cam-widget-header] .brand-name').first().waitFor({ timeout: 20000 });
}

/** Every figure links to the agents' dossier list (or a dossier's page), nothing else. */
async function verifierLiens(page, racine, nom) {
  const liens = await page.locator(`${racine} a.fp-nombre, ${racine} a.fp-lien-barre`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  verifier(liens.length > 0, `${nom} : ${liens.length} nombres liés`);
  const autres = liens.filter((h) => !h || !h.startsWith('/agents/dossiers'));
  verifier(autres.length === 0, `${nom} : chaque lien mène à /agents/dossiers… ${autres.length ? '(autres : ' + autres.join(' ') + ')' : ''}`);
  return liens;
}

async function pageProgramme(page, libelles, p, nom, avecLiens = true) {
  const racine = '[data-fabriques-programme="page"]';
  await page.locator(`${racine} h1`).waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  const texte = await page.locator(racine).innerText();
  verifier(texte.includes('Programme Fabriques de Territoire'), `${nom} : titre de la page`);
  for (const s of SECTIONS) verifier(texte.includes(s), `${nom} : section « ${s} »`);
  for (const q of avecLiens ? p.quotas : []) {
    const lien = page.locator(`${racine} a.fp-nombre[href="${q.dossiers}"]`).first();
    verifier(await lien.count() === 1 && (await lien.innerText()).trim() === nombres.format(q.laureats),
      `${nom} : ${q.categorie} ${q.laureats} lauréats, lien ${q.dossiers}`);
  }
  verifier(texte.includes(euros.format(p.enveloppe.restant)), `${nom} : enveloppe restante ${euros.format(p.enveloppe.restant)}`);
  verifier(texte.includes(`${nombres.format(p.pipeline.total)} dossiers`), `${nom} : ${p.pipeline.total} dossiers`);
  for (const r of p.geographie.regions) {
    verifier(texte.includes(`${r.nom} (${r.code})`), `${nom} : région ${r.nom}`);
  }
  verifier(texte.includes(`${nombres.format(p.tachesEnRetard.total)} tâche`), `${nom} : ${p.tachesEnRetard.total} tâche(s) en retard`);
  for (const g of avecLiens ? p.tachesEnRetard.groupes : []) {
    for (const t of g.taches.filter((x) => x.numero)) {
      const l = page.locator(`${racine} .fp-retards a.fp-nombre[href="${t.fiche}"]`).first();
      verifier(await l.count() === 1, `${nom} : retard ${g.groupe} ${t.numero} lié à sa fiche`);
    }
  }
  const graphiques = await page.locator(`${racine} svg`).count();
  verifier(graphiques >= 4, `${nom} : ${graphiques} graphiques SVG`);
  if (avecLiens) await verifierLiens(page, racine, nom);
  for (const message of await scannerPage(page, libelles, nom, 'cockpit')) anomalie(message);
}

async function principal() {
  rmSync(SORTIE, { recursive: true, force: true });
  mkdirSync(SORTIE, { recursive: true });
  await preparerChiffres(await deposer());
  const lecture = await http('GET', '/api/agents/pilotage', { auth: basic('gestionnaire') });
  if (lecture.statut !== 200) throw new Error(`GET /api/agents/pilotage → ${lecture.statut} ${lecture.texte}`);
  const p = lecture.donnees;
  console.log(`API : ${p.pipeline.total} dossiers, ${p.geographie.regions.length} régions, enveloppe restante ${p.enveloppe.restant} €`);
  const libelles = await chargerLibelles(BASE);

  const { contexte, fermer } = await ouvrirChromium();
  try {
    const page = await contexte.newPage();
    // Before the login Cockpit asks who is connected (404 while nobody is) and its welcome redirection: Camunda's own, expected.
    const attendues = [/\/camunda\/api\/admin\/auth\/user\/default$/, /\/camunda-welcome$/];
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) anomalie(`console : ${m.text()}`);
    });
    page.on('pageerror', (e) => anomalie(`erreur de script : ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !attendues.some((a) => a.test(r.url()))) anomalie(`réponse ${r.status()} : ${r.url()}`);
    });

    console.log('— gestionnaire : tableau de bord');
    await connecter(page, 'gestionnaire');
    const resume = page.locator('[data-fabriques-programme="tableau-de-bord"]');
    await resume.locator('h3').waitFor({ timeout: 20000 });
    await resume.scrollIntoViewIfNeeded();
    await capture(page, 'tableau-de-bord');
    await capture(page, 'tableau-de-bord-entier', { pleine: true });
    const texteResume = await resume.innerText();
    verifier(texteResume.includes('Programme Fabriques de Territoire'), 'tableau de bord : entrée « Programme Fabriques de Territoire »');
    verifier(texteResume.includes(euros.format(p.enveloppe.restant)), 'tableau de bord : enveloppe restante');
    verifier(await resume.locator(`a.fp-nombre[href="${p.pipeline.dossiers}"]`).innerText() === nombres.format(p.pipeline.total),
      'tableau de bord : total des dossiers lié à la liste');
    verifier((await page.locator('section.deprecate h1').innerText()).includes('Pilotage du programme'), 'tableau de bord : section « Pilotage du programme »');
    await verifierLiens(page, '[data-fabriques-programme="tableau-de-bord"]', 'tableau de bord');
    for (const message of await scannerPage(page, libelles, 'tableau de bord', 'cockpit')) anomalie(message);

    console.log('— gestionnaire : onglet « Programme »');
    const onglet = page.locator('[cam-widget-header] a[href="#/programme"]').first();
    verifier(await onglet.count() === 1 && (await onglet.innerText()).trim() === 'Programme', 'en-tête : onglet « Programme »');
    await onglet.click();
    await pageProgramme(page, libelles, p, 'page Programme (gestionnaire)');
    verifier(page.url().includes('#/programme'), 'adresse #/programme');
    verifier(await page.locator('[cam-widget-header] li.active a[href="#/programme"]').count() === 1, 'onglet « Programme » actif');
    await capture(page, 'programme');
    for (const titre of ['Géographie', 'Délais', 'Tâches en retard']) {
      await page.locator('.fp-section h2', { hasText: titre }).scrollIntoViewIfNeeded();
      if (titre === 'Tâches en retard') await page.locator('.fp-retards summary').first().click().catch(() => {});
      await page.waitForTimeout(400);
      await capture(page, 'programme-' + titre.toLowerCase().replace(/[^a-zé]+/g, '-'));
    }

    console.log('— gestionnaire : périmètre « Fabriques numériques »');
    await page.locator('.fp-perimetre select[aria-label="Appel"]').selectOption('FABRIQUES_NUMERIQUES');
    await page.locator('.fp-perimetre select[aria-label="Appel"]').waitFor();
    await page.waitForTimeout(1000);
    const numeriques = (await http('GET', '/api/agents/pilotage?appel=FABRIQUES_NUMERIQUES', { auth: basic('gestionnaire') })).donnees;
    const lienTotal = page.locator(`[data-fabriques-programme="page"] a.fp-nombre[href="${numeriques.pipeline.dossiers}"]`).first();
    verifier(await lienTotal.count() === 1 && (await lienTotal.innerText()).includes(nombres.format(numeriques.pipeline.total)),
      `périmètre numérique : ${numeriques.pipeline.total} dossiers, lien ${numeriques.pipeline.dossiers}`);
    await page.locator('.fp-perimetre').scrollIntoViewIfNeeded();
    await capture(page, 'programme-numeriques');

    for (const agent of ['comite', 'analyste']) {
      console.log(`— ${agent} : page Programme`);
      await connecter(page, agent);
      await page.goto(`${BASE}/camunda/app/cockpit/default/#/programme`);
      await pageProgramme(page, libelles, p, `page Programme (${agent})`, agent !== 'analyste');
      if (agent === 'analyste') {
        // Analysts see the figures, not the dossiers: no link, and the page says why.
        verifier(await page.locator('[data-fabriques-programme="page"] a.fp-nombre').count() === 0, 'analyste : aucun lien vers les dossiers');
        verifier(await page.locator('[data-fabriques-programme="sans-liens"]').count() === 1, 'analyste : la page dit pourquoi');
      }
      await capture(page, `programme-${agent}`);
    }
  } finally {
    await fermer();
  }
  if (anomalies.length) {
    console.log(`\n${anomalies.length} anomalie(s)`);
    process.exit(1);
  }
  console.log('\nAucune anomalie.');
}

principal().catch((e) => {
  console.error(e);
  process.exit(1);
});
