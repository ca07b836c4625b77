// Parcours d'un dossier, rôle par rôle, dans Camunda Tasklist en français avec le Chromium de Debian.
//
//   node parcours-tasklist.mjs http://localhost:8094 [--sans-reversement] [--montants-modifies] [--comite N] [--strict]
//
// Le porteur dépose par l'API ; chaque agent se connecte à Tasklist, trouve la tâche dans
// « Tâches de mon groupe » (la carte doit montrer ses colonnes et le lien « Fiche du dossier »),
// la prend en charge (« Prendre en charge »), lit la fiche du dossier sous l'en-tête du formulaire,
// remplit le formulaire comme une personne (clics sur les boutons radio et les cases, saisie des
// nombres et des textes), le termine (« Terminer ») et vérifie que la tâche est terminée (volet
// refermé sans erreur, tâche introuvable côté moteur). Le comité de la vague a --comite N dossiers
// (20 par défaut : A, B et 18 autres instruits par /engine-rest) ; il les décide un par un dans le
// filtre « Comité — vague X », clics et touches comptés par dossier. Le texte visible de chaque page
// est relevé : aucun libellé anglais d'origine de Camunda (libelles.mjs). Une image de chaque
// formulaire rempli, fiche comprise, est écrite sous target/navigateur/parcours/. Le parcours va
// jusqu'au solde : statut SOLDE lu par le porteur.
//
// Code de sortie 0 si tout est passé ; 1 sinon, avec le message de l'étape qui a échoué
// (et la liste des anomalies relevées en chemin, qui n'arrêtent pas le parcours mais le font échouer).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirChromium } from './chromium.mjs';
import { chargerLibelles, scannerPage } from './libelles.mjs';
import { siretAleatoire } from './siret.mjs';

const ICI = dirname(fileURLToPath(import.meta.url));
const RACINE = resolve(ICI, '../..');
const SORTIE = join(RACINE, 'target/navigateur/parcours');
const BASE = (process.argv[2] || process.env.FABRIQUES_URL || 'http://localhost:8080').replace(/\/$/, '');
const TASKLIST = `${BASE}/camunda/app/tasklist/default/`;
const MOT_DE_PASSE = 'demo';
// Attente d'un timer d'anniversaire (fabriques.delais.periode-versement) : PT1M conseillé.
const ATTENTE_TIMER_MS = Number(process.env.ATTENTE_TIMER_S || 600) * 1000;

const debut = Date.now();
const anomalies = [];
const etapes = [];
let numeroEtape = 0;

class EchecParcours extends Error {}

function journal(message) {
  const t = ((Date.now() - debut) / 1000).toFixed(1).padStart(6);
  console.log(`[${t} s] ${message}`);
}

/** Une anomalie relevée qui n'empêche pas de continuer : le parcours finira en échec. */
function anomalie(message) {
  if (anomalies.includes(message)) return;
  anomalies.push(message);
  console.log(`         ✗ ANOMALIE : ${message}`);
}

// Libellés anglais d'origine de Camunda (en.json du webjar) et libellés français de l'application
// (fr.json) : chargés au début du parcours (libelles.mjs).
let LIBELLES = null;
const fr = (cle) => LIBELLES.francais.tasklist[cle];
let pagesScannees = 0;

/** Le texte visible de la page ne doit montrer aucun libellé anglais de Camunda (libelles.mjs). */
async function scanner(page, nom, app) {
  pagesScannees++;
  for (const message of await scannerPage(page, LIBELLES, nom, app)) anomalie(message);
}

// Ce qui se lit mal sans empêcher le travail (libellé coupé, texte qui déborde du volet) :
// signalé en ⚠ ; fait échouer le parcours avec --strict, comme rendu-bpmn.mjs.
const STRICT = process.argv.includes('--strict');
const defautsLecture = [];
function defautLecture(message) {
  if (STRICT) return anomalie(message);
  defautsLecture.push(message);
  console.log(`         ⚠ ${message}`);
}

function echec(message) {
  throw new EchecParcours(message);
}

// ─── API HTTP ────────────────────────────────────────────────────────────────────────

function basic(utilisateur) {
  return 'Basic ' + Buffer.from(`${utilisateur}:${MOT_DE_PASSE}`).toString('base64');
}

async function http(methode, chemin, { json, corps, auth, entetes = {} } = {}) {
  const h = { Accept: 'application/json', ...entetes };
  if (auth) h.Authorization = auth;
  let body = corps;
  if (json !== undefined) {
    h['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const r = await fetch(BASE + chemin, { method: methode, headers: h, body });
  const texte = await r.text();
  let donnees = null;
  try {
    donnees = texte ? JSON.parse(texte) : null;
  } catch {
    donnees = texte;
  }
  return { statut: r.status, donnees, texte };
}

/**
 * Un PDF minimal valide (une page A4 portant une ligne de texte), pour la convention signée et
 * les pièces du bilan. Le texte rend chaque fichier unique : le serveur écarte une pièce déjà
 * jointe au dossier (même SHA-256).
 */
function pdfMinimal(texte = 'Document') {
  const ligne = texte.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const flux = `BT /F1 12 Tf 72 770 Td (${ligne}) Tj ET`;
  const objets = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${flux.length} >>\nstream\n${flux}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  let pdf = '%PDF-1.4\n';
  const positions = [];
  objets.forEach((o, i) => { positions.push(pdf.length); pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n`;
  for (const p of positions) pdf += `${String(p).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function statutDossier(dossier) {
  const r = await http('GET', `/api/dossiers/${dossier.numero}`, { auth: `Bearer ${dossier.jeton}` });
  if (r.statut !== 200) echec(`GET /api/dossiers/${dossier.numero} → ${r.statut} ${r.texte}`);
  return r.donnees.statut;
}

async function attendreStatut(dossier, attendu, delaiMs = 20000) {
  const fin = Date.now() + delaiMs;
  let statut;
  while (Date.now() < fin) {
    statut = await statutDossier(dossier);
    if (statut === attendu) return statut;
    await pause(1000);
  }
  anomalie(`statut du dossier ${dossier.numero} : attendu ${attendu}, lu ${statut} (GET /api/dossiers/${dossier.numero})`);
  return statut;
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

// ─── Tasklist ────────────────────────────────────────────────────────────────────────

/** Les filtres attendus par compte (process/identite/FiltresTasklist). */
const FILTRES_ATTENDUS = {
  instructeur: ['Mes tâches', 'Tâches de mon groupe', 'Instruction', 'Versements et bilans'],
  'referent-58': ['Mes tâches', 'Tâches de mon groupe', 'Instruction'],
  gestionnaire: ['Mes tâches', 'Tâches de mon groupe', 'Instruction', 'Comité de sélection', 'Convention', 'Versements et bilans'],
  comite: ['Mes tâches', 'Tâches de mon groupe', 'Comité de sélection'],
  financier: ['Mes tâches', 'Tâches de mon groupe', 'Versements et bilans'],
};
const filtresVerifies = new Set();
/** Les agents dont une carte de tâche a montré toutes ses colonnes ; tous doivent y figurer à la fin. */
const colonnesVues = new Set();
/** Les formulaires dont le lien « Fiche complète du dossier » a été ouvert avec la session. */
const fichesVerifiees = new Set();
const AGENTS_DU_PARCOURS = ['instructeur', 'referent-58', 'gestionnaire', 'comite', 'financier'];

class Tasklist {
  constructor(contexte, page) {
    this.contexte = contexte;
    this.page = page;
    this.utilisateur = null;
    this.reponsesEnErreur = [];
    // Les gestes d'une personne : clics de souris et touches du clavier (mesure du comité).
    this.clics = 0;
    this.touches = 0;
    page.on('response', async (r) => {
      if (r.status() >= 400 && /\/camunda\/api\/engine\//.test(r.url())) {
        let texte = '';
        try { texte = await r.text(); } catch { /* corps déjà lu */ }
        this.reponsesEnErreur.push(`${r.request().method()} ${r.url().replace(BASE, '')} → ${r.status()} ${texte.slice(0, 600)}`);
      }
    });
    page.on('pageerror', (e) => this.reponsesEnErreur.push(`erreur JavaScript : ${e.message}`));
  }

  async connecter(utilisateur) {
    if (this.utilisateur === utilisateur) return;
    const p = this.page;
    await this.contexte.clearCookies();
    await p.goto(TASKLIST);
    // The login form is drawn by Angular once its scripts have loaded: filled before that, a field can lose its value
    // (seen on a slow machine: both values in the user field). Wait for the page to settle, then check what was typed.
    await p.waitForLoadState('networkidle');
    const nom = p.locator('input[ng-model="username"]');
    const secret = p.locator('input[ng-model="password"]');
    for (let essai = 0; essai < 3; essai++) {
      await nom.fill(utilisateur);
      await secret.fill(MOT_DE_PASSE);
      if ((await nom.inputValue()) === utilisateur && (await secret.inputValue()) === MOT_DE_PASSE) break;
    }
    await p.locator('button[type="submit"]').click();
    try {
      await p.locator('.task-filter').first().waitFor({ timeout: 20000 });
    } catch {
      await this.capture(`connexion-${utilisateur}-echec`);
      echec(`connexion de ${utilisateur} à Tasklist : aucun filtre affiché après la connexion`);
    }
    this.utilisateur = utilisateur;
    journal(`connecté à Tasklist : ${utilisateur}`);
    await scanner(p, `Tasklist, liste de ${utilisateur}`);
    if (!filtresVerifies.has(utilisateur) && FILTRES_ATTENDUS[utilisateur]) {
      filtresVerifies.add(utilisateur);
      const noms = (await p.locator('.task-filter h4.name a').allInnerTexts()).map((t) => t.replace(/\s+\(?\d+\)?\s*$/, '').trim());
      const manquants = FILTRES_ATTENDUS[utilisateur].filter((f) => !noms.includes(f));
      if (manquants.length) anomalie(`filtres Tasklist de ${utilisateur} : manquent ${manquants.join(', ')} (vus : ${noms.join(', ')})`);
      else journal(`  filtres de ${utilisateur} : ${noms.join(' · ')}`);
    }
  }

  async capture(nom) {
    const chemin = join(SORTIE, `${nom}.png`);
    await this.page.screenshot({ path: chemin });
    return chemin;
  }

  async choisirFiltre(nom) {
    const p = this.page;
    // L'infobulle du filtre survolé couvre son voisin : la souris s'écarte d'abord.
    await p.mouse.move(800, 900);
    await p.locator('.tooltip.in').waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
    await p.locator('.task-filter').filter({ has: p.locator('h4.name a', { hasText: new RegExp(`^\\s*${nom}\\s*(\\(?\\d+\\)?)?\\s*$`) }) }).click();
    this.clics++;
  }

  /**
   * Trouve la tâche dans le filtre (rafraîchi jusqu'à ce qu'elle paraisse), vérifie son nom
   * et ses colonnes, l'ouvre.
   */
  async ouvrir({ filtre = 'Tâches de mon groupe', nom, numero, structure, colonnes, delaiMs = 30000 }) {
    const p = this.page;
    const carte = p.locator('ol.tasks-list > li.task').filter({ hasText: nom }).filter({ hasText: numero });
    const fin = Date.now() + delaiMs;
    for (;;) {
      await this.choisirFiltre(filtre);
      try {
        await carte.first().waitFor({ timeout: 5000 });
        break;
      } catch {
        // Déjà réclamée par cet agent (parcours repris) : elle est dans « Mes tâches ».
        await this.choisirFiltre('Mes tâches');
        if (await carte.first().waitFor({ timeout: 2000 }).then(() => true, () => false)) {
          journal(`  (tâche déjà réclamée par ${this.utilisateur} : trouvée dans « Mes tâches »)`);
          break;
        }
        if (Date.now() > fin) {
          const png = await this.capture(`introuvable-${nom.replace(/\W+/g, '-')}`);
          echec(`${this.utilisateur} : tâche « ${nom} » du dossier ${numero} absente du filtre « ${filtre} » après ${delaiMs / 1000} s (${png})`);
        }
        await p.reload();
        await p.locator('.task-filter').first().waitFor();
      }
    }
    const titre = (await carte.first().locator('h4.task a').innerText()).trim();
    if (!titre.includes(numero) || (structure && !titre.includes(structure))) {
      anomalie(`nom de tâche sans le dossier et la structure : « ${titre} »`);
    }
    // Les colonnes du filtre (variables locales de chaque tâche) : chaque carte, pour chaque agent.
    if (!colonnes?.length) echec(`${this.utilisateur} : « ${titre} » : colonnes attendues non précisées par le parcours`);
    // La carte n'en montre que deux, repliée : on la déplie (chevron) comme une personne.
    const volet = carte.first().locator('.task-card-details .shutter');
    if (await volet.isVisible().catch(() => false)) {
      await volet.click();
      await carte.first().locator('.task-card-details.expanded').waitFor({ timeout: 3000 })
        .catch(() => anomalie(`${this.utilisateur} : « ${titre} » : la carte ne se déplie pas au clic sur son chevron`));
      await p.waitForTimeout(300);
    }
    const texteCarte = (await carte.first().locator('.variables').innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    const absentes = colonnes.filter(([libelle, valeur]) => !texteCarte.includes(libelle) || (valeur && !texteCarte.includes(valeur)));
    if (absentes.length) {
      const png = await this.capture(`colonnes-absentes-${this.utilisateur}-${nom.replace(/\W+/g, '-')}`);
      anomalie(`${this.utilisateur}, filtre « ${filtre} », tâche « ${titre} » : colonnes absentes de la carte : `
        + `${absentes.map(([l, v]) => `${l}${v ? ` (${v})` : ''}`).join(', ')} (carte : « ${texteCarte || 'vide'} ») (${png})`);
    } else {
      if (!colonnesVues.has(this.utilisateur)) {
        colonnesVues.add(this.utilisateur);
        const png = join(SORTIE, `carte-${this.utilisateur}.png`);
        await carte.first().screenshot({ path: png });
        journal(`  carte de la tâche, dépliée : ${png}`);
      }
      journal(`  colonnes de la carte : ${texteCarte}`);
    }
    const dossier = colonnes.some(([libelle]) => libelle === 'Dossier') ? numero : null;
    if (dossier) await this.verifierLienCarte(carte.first(), dossier, titre);
    await this.ouvrirCarte(carte.first(), titre);
    if (dossier) {
      await this.verifierLienEntete(dossier, titre);
      await this.verifierFiche(dossier, nom);
    }
    await scanner(p, `${this.utilisateur}, tâche « ${nom} »`);
    return titre;
  }

  /** Clic sur le nom de la tâche : le formulaire s'affiche dans le volet. */
  async ouvrirCarte(carte, titre) {
    const p = this.page;
    await carte.locator('h4.task a').click();
    this.clics++;
    await p.locator('.fjs-container').waitFor({ timeout: 20000 }).catch(async () => {
      const png = await this.capture(`formulaire-absent-${titre.replace(/\W+/g, '-').slice(0, 60)}`);
      const alerte = await p.locator('.alert-danger:visible').allInnerTexts();
      echec(`${this.utilisateur} : « ${titre} » : le formulaire Camunda ne s'affiche pas ${alerte.join(' ')} (${png}) ${this.reponsesEnErreur.join(' | ')}`);
    });
    journal(`  tâche ouverte : « ${titre} »`);
  }

  /** Le lien « Fiche du dossier » de la carte (fabriques/fiche-tasklist.js) mène à la page du dossier. */
  async verifierLienCarte(carte, numero, titre) {
    const lien = carte.locator('a.fabriques-fiche');
    const vu = await lien.first().waitFor({ timeout: 3000 }).then(() => true, () => false);
    const href = vu ? await lien.first().getAttribute('href') : null;
    if (!vu || href !== `/agents/dossiers/${numero}` || (await lien.first().innerText()).trim() !== 'Fiche du dossier') {
      const png = await this.capture(`lien-fiche-carte-absent-${numero}`);
      anomalie(`${this.utilisateur}, carte « ${titre} » : lien « Fiche du dossier » ${vu ? `vers « ${href} »` : 'absent'} (attendu /agents/dossiers/${numero}) (${png})`);
    }
  }

  /** Le même lien dans l'en-tête de la tâche ouverte (lu par le script dans les variables de la tâche). */
  async verifierLienEntete(numero, titre) {
    const lien = this.page.locator('[cam-tasklist-task] .task-card > header a.fabriques-fiche');
    const vu = await lien.first().waitFor({ timeout: 5000 }).then(() => true, () => false);
    const href = vu ? await lien.first().getAttribute('href') : null;
    if (href !== `/agents/dossiers/${numero}`) {
      const png = await this.capture(`lien-fiche-entete-absent-${numero}`);
      anomalie(`${this.utilisateur}, tâche « ${titre} » : lien « Fiche du dossier » de l'en-tête ${vu ? `vers « ${href} »` : 'absent'} (${png})`);
    }
    return lien.first();
  }

  /**
   * La fiche du dossier sous l'en-tête du formulaire : rendue (titres, listes, liens ; ni ** ni ](
   * bruts), avec son lien « Fiche complète du dossier … », qui ouvre la page HTML avec la session
   * Tasklist (vérifié une fois par formulaire).
   */
  async verifierFiche(numero, formulaire) {
    const c = this.page.locator('.fjs-container');
    const texte = await c.innerText();
    for (const brut of ['**', '](', '###']) {
      if (texte.includes(brut)) {
        const i = texte.indexOf(brut);
        anomalie(`${formulaire} : la fiche du dossier montre du Markdown brut « ${brut} » : « ${texte.slice(Math.max(0, i - 40), i + 40).replace(/\s+/g, ' ')} »`);
      }
    }
    const lien = c.locator('a', { hasText: `Fiche complète du dossier ${numero}` }).first();
    if (!(await lien.count())) {
      anomalie(`${formulaire} : pas de lien « Fiche complète du dossier ${numero} » dans le formulaire`);
      return null;
    }
    if (!(await c.locator('h3').count())) anomalie(`${formulaire} : la fiche du dossier n'a aucun titre de partie (### non rendu)`);
    const href = new URL(await lien.getAttribute('href'), this.page.url()).href;
    if (!fichesVerifiees.has(formulaire)) {
      fichesVerifiees.add(formulaire);
      const r = await this.page.request.get(href, { headers: { Accept: 'text/html' } });
      const corps = await r.text();
      if (r.status() !== 200 || !/text\/html/.test(r.headers()['content-type'] || '') || !corps.includes(numero)) {
        anomalie(`${formulaire} : « Fiche complète du dossier » (${href}) avec la session Tasklist → ${r.status()} ${r.headers()['content-type']}`);
      }
    }
    return href;
  }

  async reclamer() {
    const p = this.page;
    const bouton = p.locator('button.claim');
    if (!(await bouton.count())) {
      journal('  (déjà réclamée)');
      return;
    }
    const libelle = (await bouton.innerText()).trim();
    if (libelle !== fr('CLAIM_TASK')) anomalie(`${this.utilisateur} : le bouton de prise en charge dit « ${libelle} » (attendu « ${fr('CLAIM_TASK')} »)`);
    await bouton.click();
    this.clics++;
    // Pas de notification de prise en charge dans Tasklist 7.24 : le bouton laisse place au nom de l'agent.
    await bouton.waitFor({ state: 'detached', timeout: 10000 }).catch(() => echec(`${this.utilisateur} : « ${fr('CLAIM_TASK')} » sans effet`));
    // Le formulaire est rechargé, cette fois actif.
    await p.locator('.fjs-container .fjs-input:not([disabled]), .fjs-container .fjs-textarea:not([disabled]), .fjs-container input:not([disabled])')
      .first().waitFor({ timeout: 15000 });
    await p.waitForTimeout(300);
  }

  /** Le formulaire ne laisse voir ni moustache non remplacée ni valeur attendue manquante. */
  async verifierTexte(attendus = [], etiquette = '') {
    const texte = await this.page.locator('.fjs-container').innerText();
    if (texte.includes('{{')) anomalie(`${etiquette} : le formulaire affiche une expression non remplacée : « ${texte.match(/.{0,40}\{\{.{0,40}/s)[0]} »`);
    if (texte.includes('**')) anomalie(`${etiquette} : le formulaire affiche du Markdown brut : « ${texte.match(/.{0,40}\*\*.{0,40}/s)[0].replace(/\s+/g, ' ')} »`);
    if (texte.includes('](')) anomalie(`${etiquette} : le formulaire affiche un lien Markdown brut : « ${texte.match(/.{0,40}\]\(.{0,40}/s)[0].replace(/\s+/g, ' ')} »`);
    for (const a of attendus) {
      if (!texte.includes(a)) anomalie(`${etiquette} : le formulaire n'affiche pas « ${a} »`);
    }
    return texte;
  }

  champ(type, libelle) {
    return this.page.locator(`.fjs-container .fjs-form-field-${type}`).filter({
      has: this.page.locator('label.fjs-form-field-label').first().filter({ hasText: libelle }),
    });
  }

  async radio(groupe, option) {
    const champ = this.champ('radio', groupe);
    await champ.getByLabel(option, { exact: true }).check();
    this.clics++;
  }

  /**
   * Saisit au clavier dans un champ, puis relit la valeur. form-js applique ses mises à jour
   * avec un léger différé : on laisse le temps d'une personne entre effacer, taper et passer
   * au champ suivant, sans quoi des frappes se perdent.
   */
  async saisir(entree, valeur, nomChamp) {
    const p = this.page;
    for (let essai = 1; ; essai++) {
      const dejaRempli = essai === 1 && (await entree.inputValue()) !== '';
      await entree.click();
      await entree.press('Control+A');
      await entree.press('Delete');
      await p.waitForTimeout(350);
      await entree.pressSequentially(String(valeur), { delay: 20 });
      this.clics++;
      // Ctrl+A puis Suppr ne comptent que pour effacer une valeur (préremplie ou mal saisie).
      this.touches += (essai > 1 || dejaRempli ? 2 : 0) + [...String(valeur)].length;
      await p.waitForTimeout(350);
      const lu = await entree.inputValue();
      if (lu.replace(/[\s\u202f\u00a0]/g, '') === String(valeur).replace(/[\s\u202f\u00a0]/g, '')) return;
      if (essai === 2) echec(`${this.utilisateur} : champ « ${nomChamp} » : tapé « ${valeur} », lu « ${lu} »`);
      journal(`  (champ « ${nomChamp} » : tapé « ${valeur} », lu « ${lu} » : nouvelle saisie)`);
    }
  }

  async nombre(libelle, valeur, portee) {
    const champ = (portee || this.page.locator('.fjs-container')).locator('.fjs-form-field-number').filter({
      has: this.page.locator('label', { hasText: libelle }),
    }).first();
    await this.saisir(champ.locator('input'), valeur, libelle);
  }

  async texte(libelle, valeur, portee) {
    const champ = (portee || this.page.locator('.fjs-container')).locator('.fjs-form-field-textarea, .fjs-form-field-textfield').filter({
      has: this.page.locator('label', { hasText: libelle }),
    }).first();
    await this.saisir(champ.locator('textarea, input'), valeur, libelle);
  }

  async cocher(libelle) {
    await this.page.locator('.fjs-container .fjs-form-field-checkbox').filter({ hasText: libelle }).locator('input[type="checkbox"]').check();
    this.clics++;
  }

  /** Agrandit la fenêtre à la hauteur du formulaire pour une image entière. */
  async photographier(nom) {
    const p = this.page;
    await p.evaluate(() => document.querySelectorAll('.three-cols-layout-cell.content').forEach((e) => { e.scrollTop = 0; }));
    // Le volet de la tâche défile dans sa colonne : la fenêtre grandit de ce qui dépasse.
    const depasse = await p.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.three-cols-layout-cell.content')]
      .map((e) => e.scrollHeight - e.clientHeight)));
    const taille = p.viewportSize();
    if (depasse > 0) await p.setViewportSize({ width: taille.width, height: Math.min(taille.height + depasse + 20, 6000) });
    await p.waitForTimeout(200);
    const chemin = join(SORTIE, `${String(++numeroEtape).padStart(2, '0')}-${nom}.png`);
    await p.screenshot({ path: chemin });
    // Rien ne doit déborder du volet à droite ni s'y lire en défilant de côté ; form-js écrit ses
    // libellés sur une ligne (white-space: nowrap ; overflow: hidden) : un libellé trop long est coupé net.
    const { debordements, coupes } = await p.evaluate(() => {
      const c = document.querySelector('.fjs-container');
      if (!c) return { debordements: [], coupes: [] };
      const droite = c.getBoundingClientRect().right + 1;
      const nom = (e) => (e.innerText || e.value || '').replace(/\s+/g, ' ').trim();
      const debordements = [...c.querySelectorAll('*')].filter((e) => {
        const r = e.getBoundingClientRect();
        const defile = ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1;
        return r.width > 0 && (r.right > droite || defile);
      }).map((e) => `${e.tagName.toLowerCase()} « ${nom(e).slice(0, 60)} »`);
      const coupes = [...c.querySelectorAll('.fjs-form-field-label')].filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
        .map((e) => `« ${nom(e)} » (${e.clientWidth} px visibles sur ${e.scrollWidth})`);
      return { debordements, coupes };
    });
    await p.setViewportSize(taille);
    if (debordements.length) defautLecture(`${this.utilisateur} : « ${nom} » : débordement horizontal du formulaire : ${debordements.slice(0, 5).join(' ; ')} (${chemin})`);
    if (coupes.length) defautLecture(`${this.utilisateur} : « ${nom} » : ${coupes.length} libellé(s) coupé(s) à droite : ${coupes.join(' ; ')} (${chemin})`);
    return chemin;
  }

  /**
   * Complete d'une valeur que le serveur doit refuser : Tasklist affiche son message (400 en
   * français, process/commun/ErreursFormulairePlugin), la tâche reste ouverte et réclamée.
   */
  async terminerRefuse(nom, attendu) {
    const p = this.page;
    this.reponsesEnErreur.length = 0;
    await p.locator('.form-actions button.btn-primary').click();
    const alerte = p.locator('.alert-danger:visible', { hasText: attendu }).first();
    const vue = await alerte.waitFor({ timeout: 15000 }).then(() => true, () => false);
    const textes = (await p.locator('.alert-danger:visible').allInnerTexts()).map((t) => t.replace(/[\s×]+/g, ' ').trim());
    const png = await this.photographier(`${nom}-refus-serveur`);
    await scanner(p, `${this.utilisateur}, refus du serveur « ${nom} »`);
    if (!vue) {
      anomalie(`${this.utilisateur} : « ${nom} » : valeur refusée attendue (« ${attendu} ») ; alertes : ${textes.join(' | ') || 'aucune'} ; `
        + `réponses : ${this.reponsesEnErreur.join(' | ') || 'aucune'} (${png})`);
    } else {
      journal(`  refus du serveur affiché : « ${textes.join(' | ').slice(0, 250)} » (${png})`);
    }
    if (!p.url().includes('task=')) echec(`${this.utilisateur} : « ${nom} » : la tâche s'est refermée malgré une valeur refusée par le serveur`);
    // L'alerte se ferme comme le ferait une personne avant de corriger.
    await this.fermerAlertes();
  }

  /** Ferme (×) les alertes d'erreur affichées en bas de page. */
  async fermerAlertes() {
    const p = this.page;
    for (let i = 0; i < 5; i++) {
      const alerte = p.locator('.alert-danger:visible').first();
      if (!(await alerte.count())) return;
      await alerte.locator('button.close:visible').first().click().catch(() => {});
      await alerte.waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
    }
    if (await p.locator('.alert-danger:visible').count()) echec(`${this.utilisateur} : une alerte d'erreur ne se ferme pas`);
  }

  /**
   * Complete, puis la preuve du succès. Tasklist 7.24 n'affiche pas de notification de succès
   * (la clé COMPLETE_OK de ses traductions n'est utilisée nulle part : seul COMPLETE_ERROR l'est) :
   * le succès, c'est le volet qui se referme (« task » retiré de l'adresse) sans alerte d'erreur,
   * puis la tâche introuvable par /engine-rest pour ce même utilisateur.
   */
  async terminer(nom, { photo = true } = {}) {
    const p = this.page;
    if (photo) {
      const png = await this.photographier(nom);
      journal(`  formulaire rempli : ${png}`);
    }
    await scanner(p, `${this.utilisateur}, formulaire rempli « ${nom} »`);
    this.reponsesEnErreur.length = 0;
    await this.fermerAlertes();
    const idTache = new URL(p.url().replace('#/', '')).searchParams.get('task');
    const bouton = p.locator('.form-actions button.btn-primary');
    const libelle = (await bouton.innerText()).trim();
    if (libelle !== fr('COMPLETE')) anomalie(`${this.utilisateur} : le bouton qui termine la tâche dit « ${libelle} » (attendu « ${fr('COMPLETE')} »)`);
    if (await bouton.isDisabled()) {
      const erreurs = await p.locator('.fjs-form-field-error').allInnerTexts();
      const pngErr = await this.photographier(`${nom}-complete-inactif`);
      echec(`${this.utilisateur} : « ${nom} » : le bouton « ${libelle} » reste inactif ; erreurs du formulaire : ${erreurs.join(' ; ') || 'aucune affichée'} (${pngErr})`);
    }
    await bouton.click();
    this.clics++;
    const erreur = p.locator('.notifications .alert-danger, .alert-danger:visible').first();
    const erreurChamp = p.locator('.fjs-form-field-error:visible').first();
    const issue = await Promise.race([
      p.waitForURL((u) => !u.href.includes('task='), { timeout: 30000 }).then(() => 'ok'),
      erreur.waitFor({ timeout: 30000 }).then(() => 'erreur'),
      erreurChamp.waitFor({ timeout: 30000 }).then(() => 'champ'),
    ]).catch(() => 'rien');
    if (issue !== 'ok') {
      await p.waitForTimeout(500);
      const alertes = (await p.locator('.alert:visible').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const champs = await p.locator('.fjs-form-field-error:visible').allInnerTexts();
      const pngErr = await this.photographier(`${nom}-echec`);
      echec(`${this.utilisateur} : « ${nom} » : Complete sans succès (${issue}) ; alertes : ${alertes.join(' | ') || 'aucune'} ; `
        + `erreurs de champ : ${champs.join(' ; ') || 'aucune'} ; réponses du serveur : ${this.reponsesEnErreur.join(' | ') || 'aucune'} (${pngErr})`);
    }
    await p.waitForTimeout(300);
    const alertes = (await p.locator('.alert-danger:visible').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (alertes.length) echec(`${this.utilisateur} : « ${nom} » : alerte après Complete : ${alertes.join(' | ')}`);
    if (idTache) {
      const r = await http('GET', `/engine-rest/task/${idTache}`, { auth: basic(this.utilisateur) });
      if (r.statut !== 404) echec(`${this.utilisateur} : « ${nom} » : la tâche ${idTache} existe encore après Complete (GET /engine-rest/task → ${r.statut})`);
    }
    journal(`  terminée : « ${nom} » (volet refermé sans erreur, tâche ${idTache} terminée côté moteur)`);
  }
}

// ─── Le parcours ─────────────────────────────────────────────────────────────────────

// Reprise d'un parcours interrompu (mise au point) : --reprendre NUMERO:JETON:VAGUE@ÉTAPE
// saute les ÉTAPE premières étapes (0 = dépôt) et reprend avec ce dossier.
const reprise = (() => {
  const i = process.argv.indexOf('--reprendre');
  if (i < 0) return null;
  const m = /^([^:]+):([^:]+):([^@]+)@(\d+)$/.exec(process.argv[i + 1] || '');
  if (!m) { console.error('--reprendre NUMERO:JETON:VAGUE@ÉTAPE'); process.exit(2); }
  return { numero: m[1], jeton: m[2], vague: m[3], depuis: Number(m[4]) };
})();
let indiceEtape = -1;

async function etape(titre, fn) {
  indiceEtape++;
  if (reprise && indiceEtape < reprise.depuis) {
    journal(`(étape ${indiceEtape} sautée : ${titre})`);
    return;
  }
  const t0 = Date.now();
  journal(`▶ ${titre}`);
  await fn();
  etapes.push([titre, (Date.now() - t0) / 1000]);
}

/**
 * Le parcours clôt la vague ouverte de l'appel, et aucune autre ne s'ouvre d'elle-même : pour un
 * second parcours sur la même base, le gestionnaire en ouvre une (POST /api/agents/vagues).
 */
async function vagueOuverte() {
  const auth = basic('gestionnaire');
  const r = await http('GET', '/api/agents/vagues', { auth });
  if (r.statut !== 200) echec(`GET /api/agents/vagues (gestionnaire) → ${r.statut} ${r.texte}`);
  const ouverte = r.donnees.find((v) => v.appel === 'FABRIQUES_TERRITOIRE' && v.etat === 'OUVERTE');
  if (ouverte) return;
  const maintenant = new Date();
  const jours = (n) => new Date(maintenant.getTime() + n * 86400000);
  const nouvelle = {
    code: `FDT-${maintenant.getUTCFullYear()}-P${Math.floor(maintenant.getTime() / 1000).toString(36).toUpperCase().slice(-6)}`,
    appel: 'FABRIQUES_TERRITOIRE',
    dateLimite: jours(30).toISOString().replace(/\.\d+Z$/, 'Z'),
    dateComite: jours(45).toISOString().slice(0, 10),
  };
  const c = await http('POST', '/api/agents/vagues', { auth, json: nouvelle });
  if (c.statut !== 201) echec(`aucune vague FABRIQUES_TERRITOIRE ouverte, et POST /api/agents/vagues → ${c.statut} ${c.texte}`);
  journal(`  aucune vague ouverte (parcours précédent) : vague ${nouvelle.code} ouverte par le gestionnaire jusqu'au ${nouvelle.dateLimite.slice(0, 10)}`);
}

async function deposer(raisonSociale, { bref = false } = {}) {
  const depot = JSON.parse(readFileSync(join(RACINE, 'src/test/resources/exemples/depot.json'), 'utf8'));
  depot.structure.siret = siretAleatoire();
  if (raisonSociale) depot.structure.raisonSociale = raisonSociale;
  const r = await http('POST', '/api/dossiers', { json: depot });
  if (r.statut !== 201) echec(`POST /api/dossiers → ${r.statut} : ${r.texte}`);
  for (const champ of ['numero', 'jetonAcces', 'statut', 'vague']) {
    if (!r.donnees[champ]) echec(`POST /api/dossiers : « ${champ} » absent de la réponse ${r.texte}`);
  }
  journal(`  déposé : ${r.donnees.numero} — ${depot.structure.raisonSociale} (SIRET ${depot.structure.siret}, vague ${r.donnees.vague}, statut ${r.donnees.statut})`);
  if (!bref) journal(`  reprise possible : --reprendre ${r.donnees.numero}:${r.donnees.jetonAcces}:${r.donnees.vague}@ÉTAPE`);
  return { numero: r.donnees.numero, jeton: r.donnees.jetonAcces, vague: r.donnees.vague, structure: depot.structure.raisonSociale, categorie: depot.categorie };
}

// Les autres dossiers de la séance : des communes de la Nièvre (le référent est referent-58),
// des propositions et des notes variées (le classement de l'ordre du jour en dépend).
const COMMUNES = ['Clamecy', 'Decize', 'Château-Chinon', 'La Charité-sur-Loire', 'Cosne-Cours-sur-Loire', 'Luzy', 'Corbigny', 'Varzy',
  'Prémery', 'Imphy', 'Fourchambault', 'Lormes', 'Donzy', 'Guérigny', 'Moulins-Engilbert', 'Pouilly-sur-Loire', 'Saint-Saulge',
  'Châtillon-en-Bazois', 'Montsauche-les-Settons', 'Saint-Pierre-le-Moûtier'];
const PROPOSITIONS = [[45000, 45000, 40000], [40000, 40000, 30000], [50000, 50000, 50000], [30000, 25000, 20000], [35000, 35000, 30000]];
const NOTES = [[4, 4, 4, 3, 3, 4], [5, 4, 5, 4, 4, 5], [3, 3, 4, 3, 2, 3], [4, 5, 3, 4, 4, 4], [2, 3, 3, 3, 3, 2], [5, 5, 5, 4, 5, 5]];

/** Une tâche d'instruction terminée par /engine-rest comme le ferait Tasklist : réclamée, puis submit-form. */
async function soumettreParRest(cle, d, utilisateur, valeurs) {
  const auth = basic(utilisateur);
  const fin = Date.now() + 20000;
  let tache = null;
  while (!tache) {
    const r = await http('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(d.numero)}&taskDefinitionKey=${cle}`, { auth });
    tache = r.donnees?.[0];
    if (!tache && Date.now() > fin) echec(`${d.numero} : pas de tâche ${cle} pour ${utilisateur} après 20 s (${r.statut} ${r.texte.slice(0, 200)})`);
    if (!tache) await pause(300);
  }
  const claim = await http('POST', `/engine-rest/task/${tache.id}/claim`, { auth, json: { userId: utilisateur } });
  if (claim.statut !== 204) echec(`${d.numero} : POST /engine-rest/task/{id}/claim (${cle}, ${utilisateur}) → ${claim.statut} ${claim.texte}`);
  const variables = Object.fromEntries(Object.entries(valeurs).map(([k, v]) => [k, { value: v }]));
  const r = await http('POST', `/engine-rest/task/${tache.id}/submit-form`, { auth, json: { variables } });
  if (r.statut >= 300) echec(`${d.numero} : POST /engine-rest/task/{id}/submit-form (${cle}, ${utilisateur}) → ${r.statut} ${r.texte}`);
}

/** Complétude, avis territorial, instruction et validation d'un des autres dossiers, par l'API du moteur. */
async function instruireParRest(d) {
  await soumettreParRest('UserTask_VerifierCompletude', d, 'instructeur', { complet: 'true' });
  await soumettreParRest('UserTask_DonnerAvisTerritorial', d, 'referent-58', { avisTerritorial: 'FAVORABLE', commentaireAvis: 'Projet connu du territoire.' });
  const [g, p, b, o, m, e] = d.notes;
  await soumettreParRest('UserTask_InstruireDossier', d, 'instructeur', {
    noteGouvernance: g, notePartenariats: p, noteBesoinLocal: b, noteOffreServices: o, noteModeleEconomique: m, noteEmploi: e,
    montantPropose1: d.proposes[0], montantPropose2: d.proposes[1], montantPropose3: d.proposes[2],
    motifProposition: 'Proposition établie au vu de la grille de notation.', absenceConflitInterets: true,
  });
  await soumettreParRest('UserTask_ValiderProposition', d, 'gestionnaire', { propositionValidee: 'true' });
}

const colonnesDossier = (d) => [['Dossier', d.numero], ['Structure', d.structure], ['Catégorie', d.categorie], ['Vague', d.vague]];

/** La convention signée par le porteur : multipart, « fichier » (un PDF) et « signataire ». */
async function signerPorteur(dossier) {
  // La convention s'établit dans un job (exécuteur de jobs) juste après la publication : le statut
  // LAUREAT peut se lire avant qu'elle n'existe.
  const fin = Date.now() + 20000;
  for (;;) {
    const vue = await http('GET', `/api/dossiers/${dossier.numero}`, { auth: `Bearer ${dossier.jeton}` });
    if (vue.statut === 200 && vue.donnees?.convention) break;
    if (Date.now() > fin) echec(`${dossier.numero} : convention toujours pas établie 20 s après la publication (${vue.texte})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const chemin = `/api/dossiers/${dossier.numero}/convention/signature`;
  const pdf = pdfMinimal(`Convention ${dossier.numero} signee par Camille Martin, presidente`);
  const f = new FormData();
  f.append('signataire', 'Camille Martin, présidente');
  f.append('fichier', new Blob([pdf], { type: 'application/pdf' }), `convention-signee-${dossier.numero}.pdf`);
  const r = await http('POST', chemin, { corps: f, auth: `Bearer ${dossier.jeton}` });
  if (r.statut !== 200) echec(`POST ${chemin} (multipart) → ${r.statut} : ${r.texte}`);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  if (r.donnees?.conventionSignee?.sha256 !== sha256) {
    echec(`POST ${chemin} : empreinte du fichier enregistré ${r.donnees?.conventionSignee?.sha256}, attendu ${sha256} (${r.texte})`);
  }
  journal(`  ${dossier.numero} : convention signée par le porteur (multipart, ${pdf.length} octets, SHA-256 vérifié) : ${r.statut}`);
}

/** Attend qu'un bilan soit attendu par le moteur (après le timer d'anniversaire) ; rend son année. */
async function attendreBilanAttendu(dossier) {
  const fin = Date.now() + ATTENTE_TIMER_MS;
  const auth = basic('gestionnaire');
  while (Date.now() < fin) {
    const r = await http('GET', `/engine-rest/execution?businessKey=${encodeURIComponent(dossier.numero)}&messageEventSubscriptionName=BilanDepose`, { auth });
    if (r.statut !== 200) echec(`GET /engine-rest/execution (gestionnaire) → ${r.statut} ${r.texte}`);
    if (r.donnees.length) {
      const v = await http('GET', `/engine-rest/process-instance/${r.donnees[0].processInstanceId}/variables/anneeBilan`, { auth });
      return v.statut === 200 ? v.donnees.value : null;
    }
    await pause(3000);
  }
  echec(`aucun bilan attendu pour ${dossier.numero} après ${ATTENTE_TIMER_MS / 1000} s : le timer d'anniversaire n'a pas été exécuté `
    + '(lancer l\'application avec --fabriques.delais.periode-versement=PT1M, ou ATTENTE_TIMER_S plus long)');
}

/** Les noms des deux pièces du bilan d'une année, que le formulaire de l'instructeur doit lister. */
const piecesBilan = (dossier, annee) => [`bilan-activite-${dossier.numero}-annee-${annee}.pdf`, `compte-rendu-financier-${dossier.numero}-annee-${annee}.pdf`];

/** Le bilan annuel du porteur : multipart, « commentaire », « bilanActivite » et « compteRenduFinancier » (PDF). */
async function deposerBilan(dossier, annee) {
  const [activite, compteRendu] = piecesBilan(dossier, annee);
  const f = new FormData();
  f.append('commentaire', `Bilan de l'année ${annee} : activité conforme au projet, compte rendu financier joint.`);
  f.append('bilanActivite', new Blob([pdfMinimal(`Bilan d'activite ${dossier.numero} annee ${annee}`)], { type: 'application/pdf' }), activite);
  f.append('compteRenduFinancier', new Blob([pdfMinimal(`Compte rendu financier ${dossier.numero} annee ${annee}`)], { type: 'application/pdf' }), compteRendu);
  const r = await http('POST', `/api/dossiers/${dossier.numero}/bilans/${annee}`, { corps: f, auth: `Bearer ${dossier.jeton}` });
  if (r.statut !== 202) echec(`POST /api/dossiers/${dossier.numero}/bilans/${annee} (multipart) → ${r.statut} : ${r.texte}`);
  journal(`  bilan de l'année ${annee} déposé par le porteur (multipart, deux PDF) : ${r.statut}`);
}

async function validerBilan(tl, dossier, annee, { decision = 'Approuvé', motif = 'Bilan complet et conforme.' } = {}) {
  await tl.connecter('instructeur');
  await tl.ouvrir({ nom: 'Valider le bilan annuel', numero: dossier.numero, structure: dossier.structure, colonnes: colonnesDossier(dossier) });
  await tl.reclamer();
  await tl.verifierTexte([dossier.numero, `l'année ${annee}`, ...piecesBilan(dossier, annee)], 'Valider le bilan annuel');
  // Les pièces du bilan sont des liens vers l'API des agents, ouverts avec la session Tasklist.
  for (const nomPiece of piecesBilan(dossier, annee)) {
    const lien = tl.page.locator('.fjs-container a', { hasText: nomPiece }).first();
    if (!(await lien.count())) { anomalie(`Valider le bilan annuel : « ${nomPiece} » n'est pas un lien`); continue; }
    const r = await tl.page.request.get(new URL(await lien.getAttribute('href'), tl.page.url()).href);
    const corps = await r.body();
    if (r.status() !== 200 || corps.subarray(0, 5).toString('latin1') !== '%PDF-') {
      anomalie(`Valider le bilan annuel : le lien « ${nomPiece} » rend ${r.status()} ${r.headers()['content-type']} (attendu : le PDF déposé)`);
    }
  }
  await tl.radio('Décision', decision);
  await tl.texte('Motif', motif);
  await tl.terminer(`valider-bilan-annee-${annee}${dossier.suffixe || ''}`);
}

async function ordonnancer(tl, dossier, annee, montant) {
  await tl.connecter('financier');
  await tl.ouvrir({ nom: 'Ordonnancer le versement', numero: dossier.numero, structure: dossier.structure, colonnes: colonnesDossier(dossier) });
  await tl.reclamer();
  const texte = await tl.verifierTexte([dossier.numero], 'Ordonnancer le versement');
  if (!new RegExp(`année\\s*${annee}`).test(texte)) anomalie(`Ordonnancer le versement : l'année ${annee} n'est pas affichée (« ${texte.replace(/\s+/g, ' ').slice(0, 300)} »)`);
  const chiffres = texte.replace(/[\s\u202f\u00a0.]/g, '');
  if (montant && !chiffres.includes(String(montant))) anomalie(`Ordonnancer le versement (année ${annee}) : le montant ${montant} € n'est pas affiché`);
  await tl.cocher("J'ordonnance ce versement");
  await tl.terminer(`ordonnancer-versement-annee-${annee}${dossier.suffixe || ''}`);
}

/** Second signature: « financier2 » validates (or sends back) the order « financier » made. */
async function validerOrdre(tl, dossier, annee, montant, { renvoi } = {}) {
  await tl.connecter('financier2');
  await tl.ouvrir({ nom: "Valider l'ordre de versement", numero: dossier.numero, structure: dossier.structure, colonnes: colonnesDossier(dossier) });
  await tl.reclamer();
  const texte = await tl.verifierTexte([dossier.numero, 'financier'], "Valider l'ordre de versement");
  if (!new RegExp(`année\\s*${annee}`).test(texte)) anomalie(`Valider l'ordre de versement : l'année ${annee} n'est pas affichée`);
  const chiffres = texte.replace(/[\s\u202f\u00a0.]/g, '');
  if (montant && !chiffres.includes(String(montant))) anomalie(`Valider l'ordre de versement (année ${annee}) : le montant ${montant} € n'est pas affiché`);
  if (renvoi) {
    await tl.radio('Décision', "Renvoyer à l'ordonnateur");
    await tl.texte('Motif du renvoi', renvoi);
    await tl.terminer(`renvoyer-ordre-annee-${annee}${dossier.suffixe || ''}`);
  } else {
    await tl.radio('Décision', "Valider : émettre l'ordre de versement");
    await tl.terminer(`valider-ordre-annee-${annee}${dossier.suffixe || ''}`);
  }
}

/**
 * Un avenant de montants pour A : l'année 2 baisse de 5 000 €, l'année 3 monte d'autant (dans les plafonds).
 * Proposé par l'API des agents, validé dans Tasklist par un second gestionnaire, signé par le porteur (API, PDF),
 * signé pour l'État dans Tasklist ; l'échéancier suit (vu ensuite à l'ordonnancement des années 2 et 3).
 */
async function avenant(tl, dossier) {
  const nouveaux = [dossier.accordes[0], dossier.accordes[1] - 5000, dossier.accordes[2] + 5000];
  const p = await http('POST', `/api/agents/dossiers/${dossier.numero}/avenants`, { auth: basic('gestionnaire'),
    json: { montants: { annee1: nouveaux[0], annee2: nouveaux[1], annee3: nouveaux[2] }, motif: 'Décalage d\'une dépense d\'équipement sur la troisième année' } });
  if (p.statut !== 201) echec(`POST /api/agents/dossiers/${dossier.numero}/avenants → ${p.statut} ${p.texte}`);
  const k = p.donnees?.numero ?? p.donnees?.k ?? 1;
  journal(`  avenant n°${k} proposé : ${nouveaux.join(' / ')} €`);
  await tl.connecter('gestionnaire2');
  await tl.ouvrir({ nom: "Valider l'avenant", numero: dossier.numero, structure: dossier.structure, colonnes: colonnesDossier(dossier) });
  await tl.reclamer();
  const texte = (await tl.verifierTexte([dossier.numero], "Valider l'avenant")).replace(/[\u202f\u00a0]/g, ' ');
  if (!/40 000|45 000/.test(texte)) anomalie(`Valider l'avenant : les montants ne sont pas affichés (« ${texte.replace(/\s+/g, ' ').slice(0, 400)} »)`);
  await tl.radio('Décision', "Valider : établir l'avenant et le faire signer par le porteur");
  await tl.terminer(`valider-avenant${dossier.suffixe || ''}`);
  // Le porteur signe l'avenant établi (multipart, comme la convention).
  const chemin = `/api/dossiers/${dossier.numero}/avenants/${k}/signature`;
  const fin = Date.now() + 20000;
  let r;
  for (;;) {
    const pdf = pdfMinimal(`Avenant ${k} ${dossier.numero} signe par Camille Martin, presidente`);
    const f = new FormData();
    f.append('signataire', 'Camille Martin, présidente');
    f.append('fichier', new Blob([pdf], { type: 'application/pdf' }), `avenant-${k}-signe.pdf`);
    r = await http('POST', chemin, { corps: f, auth: `Bearer ${dossier.jeton}` });
    if (r.statut === 200 || r.statut === 202 || Date.now() > fin) break;
    await new Promise((res) => setTimeout(res, 1000));
  }
  if (r.statut !== 200 && r.statut !== 202) echec(`POST ${chemin} → ${r.statut} : ${r.texte}`);
  journal(`  avenant n°${k} signé par le porteur : ${r.statut}`);
  await tl.connecter('gestionnaire');
  await tl.ouvrir({ nom: "Signer l'avenant pour l'État", numero: dossier.numero, structure: dossier.structure, colonnes: colonnesDossier(dossier) });
  await tl.reclamer();
  await tl.verifierTexte([dossier.numero], "Signer l'avenant pour l'État");
  await tl.cocher("Je signe l'avenant au nom de l'État");
  await tl.terminer(`signer-avenant-etat${dossier.suffixe || ''}`);
  dossier.accordes = nouveaux;
}

async function principal() {
  if (!reprise) rmSync(SORTIE, { recursive: true, force: true, maxRetries: 2 });
  mkdirSync(SORTIE, { recursive: true });
  journal(`application : ${BASE}`);
  const sante = await http('GET', '/actuator/health/readiness').catch((e) => echec(`application injoignable sur ${BASE} : ${e.cause?.code || e.message}`));
  if (sante.statut !== 200) echec(`application pas prête : /actuator/health/readiness → ${sante.statut}`);

  const { contexte, fermer } = await ouvrirChromium({ largeur: 1400, hauteur: 1000 });
  const page = await contexte.newPage();
  page.setDefaultTimeout(15000);
  LIBELLES = await chargerLibelles(BASE);
  journal(`libellés anglais d'origine à ne pas voir : ${LIBELLES.anglais.tous.size} (en.json du webjar de Camunda)`);
  const tl = new Tasklist(contexte, page);
  // Montants proposés par l'instruction ; le comité les accorde tels quels, sauf pour A avec
  // --montants-modifies (une ligne tapée dans « Montants accordés différents de la proposition »).
  const montants = [45000, 45000, 40000];
  const montantsModifies = process.argv.includes('--montants-modifies') ? [40000, 40000, 30000] : null;
  // A va jusqu'au solde ; B (sauf --sans-reversement ou reprise) voit son premier bilan rejeté,
  // ce qui mène à « Décider de la suite de la suspension » (reversement), puis au reversement reçu, enregistré et validé.
  let A = reprise && { numero: reprise.numero, jeton: reprise.jeton, vague: reprise.vague,
    structure: 'Association La Fabrique du Val', categorie: 'HORS_GRANDS_CENTRES', suffixe: '', accordes: montantsModifies || montants };
  let B = null;
  const avecReversement = !reprise && !process.argv.includes('--sans-reversement');
  const tous = () => [A, B].filter(Boolean);
  // Les autres dossiers de la séance, déposés par l'API et instruits par /engine-rest : le comité
  // décide de --comite N dossiers (20 par défaut) dans Tasklist.
  const autres = [];
  const taille = (() => { const i = process.argv.indexOf('--comite'); return i < 0 ? 20 : Number(process.argv[i + 1]); })();
  const seance = () => [...tous(), ...autres];
  try {
    await etape('Dépôt par le porteur (POST /api/dossiers)', async () => {
      await vagueOuverte();
      A = { ...(await deposer()), suffixe: '', accordes: montantsModifies || montants };
      // L'éligibilité tourne dans la transaction du dépôt (ADR 0022) : le dossier est en instruction dès la réponse 201.
      await attendreStatut(A, 'EN_INSTRUCTION', 5000);
      if (avecReversement) {
        // B garde les montants proposés : son reversement est vérifié contre les 45 000 € versés.
        B = { ...(await deposer('Association La Fabrique du Bourg')), suffixe: '-B', accordes: montants };
        if (B.vague !== A.vague) echec(`les deux dépôts ne sont pas dans la même vague : ${A.vague}, ${B.vague}`);
      }
      if (reprise) return;
      for (let k = 0; autres.length + tous().length < taille; k++) {
        const commune = COMMUNES[k % COMMUNES.length];
        const d = await deposer(`La Fabrique ${/^[AEIOUYÉÈ]/.test(commune) ? "d'" : 'de '}${commune}${k >= COMMUNES.length ? ` ${Math.floor(k / COMMUNES.length) + 1}` : ''}`, { bref: true });
        if (d.vague !== A.vague) echec(`${d.numero} déposé dans la vague ${d.vague}, pas dans ${A.vague}`);
        autres.push({ ...d, suffixe: `-${autres.length + 1}`, proposes: PROPOSITIONS[k % PROPOSITIONS.length], notes: NOTES[k % NOTES.length] });
      }
    });

    // Les autres dossiers d'abord, par l'API du moteur : les listes de Tasklist (15 cartes par page)
    // ne gardent ainsi que les tâches de A et B pendant leur instruction dans le navigateur.
    await etape(`${autres.length} autres dossiers instruits par /engine-rest (instructeur, referent-58, gestionnaire)`, async () => {
      for (const d of autres) {
        await instruireParRest(d);
        await attendreStatut(d, 'INSTRUIT');
      }
      journal(`  ${autres.length} dossiers instruits : ${autres.map((d) => d.numero).join(', ')}`);
    });

    await etape('instructeur — Vérifier la complétude', async () => {
      for (const d of tous()) {
        await tl.connecter('instructeur');
        await tl.ouvrir({ nom: 'Vérifier la complétude', ...d, colonnes: colonnesDossier(d) });
        await tl.reclamer();
        await tl.verifierTexte([d.numero, d.structure], 'Vérifier la complétude');
        if (d === A) {
          // La page imprimable, par le lien « Fiche complète du dossier … » du formulaire, avec la session Tasklist.
          const href = await tl.verifierFiche(d.numero, 'Vérifier la complétude');
          if (href) {
            const onglet = await contexte.newPage();
            await onglet.goto(href);
            await photographierFiche(onglet, d.numero, 'fiche-complete-au-depot');
            await onglet.close();
          }
        }
        // La liste des pièces manquantes n'apparaît que si le dossier est incomplet.
        const pieces = tl.champ('textarea', 'Pièces manquantes');
        await tl.radio('Le dossier est-il complet', 'Non, des pièces manquent');
        if (!(await pieces.isVisible())) anomalie('Vérifier la complétude : « Pièces manquantes » ne paraît pas quand le dossier est déclaré incomplet');
        await tl.radio('Le dossier est-il complet', 'Oui, complet');
        if (await pieces.isVisible()) anomalie('Vérifier la complétude : « Pièces manquantes » reste affiché pour un dossier complet');
        await tl.terminer(`verifier-completude${d.suffixe}`);
        await attendreStatut(d, 'EN_INSTRUCTION');
      }
    });

    await etape('referent-58 — Donner l\'avis territorial', async () => {
      for (const d of tous()) {
        await tl.connecter('referent-58');
        await tl.ouvrir({ nom: "Donner l'avis territorial", ...d, colonnes: colonnesDossier(d) });
        await tl.reclamer();
        await tl.verifierTexte([d.numero], "Donner l'avis territorial");
        await tl.radio('Avis du référent territorial', 'Favorable');
        await tl.texte('Commentaire', 'Projet bien ancré dans la Nièvre, soutenu par la communauté de communes.');
        await tl.terminer(`donner-avis-territorial${d.suffixe}`);
      }
    });

    await etape('instructeur — Instruire le dossier', async () => {
      for (const d of tous()) {
        await tl.connecter('instructeur');
        await tl.ouvrir({ nom: 'Instruire le dossier', ...d, colonnes: colonnesDossier(d) });
        await tl.reclamer();
        await tl.verifierTexte([d.numero], 'Instruire le dossier');
        const notes = [['Gouvernance et animation', 4], ['Partenariats locaux', 5], ['Réponse à un besoin local', 4],
          ['Offre de services', 4], ['Modèle économique viable', 3], ["Financement d'au moins un emploi", 4]];
        for (const [libelle, n] of notes) await tl.nombre(libelle, n);
        for (let a = 1; a <= 3; a++) await tl.nombre(`Montant proposé — année ${a}`, montants[a - 1]);
        await tl.texte('Motivation de la proposition', 'Projet solide : gouvernance partagée, partenaires engagés, emploi pérenne.');
        await tl.cocher("Je déclare n'avoir aucun conflit d'intérêts");
        await tl.terminer(`instruire-dossier${d.suffixe}`);
      }
    });

    await etape('gestionnaire — Valider la proposition', async () => {
      for (const d of tous()) {
        await tl.connecter('gestionnaire');
        await tl.ouvrir({ nom: 'Valider la proposition', ...d, colonnes: colonnesDossier(d) });
        await tl.reclamer();
        const texte = await tl.verifierTexte([d.numero], 'Valider la proposition');
        // La synthèse de l'instruction : score, recommandation, montants proposés.
        const lisible = texte.replace(/[\u202f\u00a0]/g, ' ');
        if (!/score/i.test(lisible)) anomalie(`Valider la proposition : la synthèse de l'instruction n'affiche pas de score (« ${lisible.slice(0, 400)} »)`);
        if (!/45\s?000/.test(lisible)) anomalie('Valider la proposition : la synthèse n\'affiche pas les montants proposés (45 000 €)');
        await tl.radio('Décision', 'Valider : transmettre au comité');
        await tl.terminer(`valider-proposition${d.suffixe}`);
        await attendreStatut(d, 'INSTRUIT');
      }
    });

    await etape(`gestionnaire — clôture anticipée de la vague (POST /api/agents/vagues/{code}/cloture)`, async () => {
      const r = await http('POST', `/api/agents/vagues/${A.vague}/cloture`, { auth: basic('gestionnaire'), json: {} });
      if (r.statut < 200 || r.statut >= 300) echec(`POST /api/agents/vagues/${A.vague}/cloture → ${r.statut} : ${r.texte}`);
      journal(`  vague ${A.vague} : clôture demandée → ${r.statut} ${r.texte.slice(0, 200)}`);
    });

    const tacheVague = { numero: A.vague, structure: null, colonnes: [['Vague', A.vague]] };
    const enteteVague = (texte, etiquette) => {
      if (/Dossier\s*\**\s*—/.test(texte)) anomalie(`${etiquette} : l'en-tête affiche « Dossier — » sans numéro (tâche de vague, sans dossier)`);
    };
    await etape('gestionnaire — Préparer la séance', async () => {
      await tl.connecter('gestionnaire');
      await tl.ouvrir({ nom: 'Préparer la séance', ...tacheVague });
      await tl.reclamer();
      enteteVague(await tl.verifierTexte([A.vague, ...seance().map((d) => d.numero)], 'Préparer la séance'), 'Préparer la séance');
      // L'ordre du jour en listes numérotées (un élément par dossier), pas en tableau.
      const p = tl.page;
      if (await p.locator('.fjs-container table', { hasText: A.numero }).count()) anomalie("Préparer la séance : l'ordre du jour est en tableau (attendu : des listes)");
      const absents = [];
      for (const d of seance()) if (!(await p.locator('.fjs-container ol li', { hasText: d.numero }).count())) absents.push(d.numero);
      if (absents.length) anomalie(`Préparer la séance : sans ligne dans les listes numérotées de l'ordre du jour : ${absents.join(', ')}`);
      else journal(`  ordre du jour : ${seance().length} dossiers en listes numérotées`);
      await tl.cocher("L'ordre du jour est complet");
      await tl.terminer('preparer-seance');
    });

    // Ce que le comité décide de chaque dossier de la séance : A et B lauréats (ils vont au bout),
    // les autres tour à tour lauréat (montants proposés), refusé (motivation tapée), ajourné.
    const plan = new Map();
    for (const d of tous()) plan.set(d.numero, { decision: 'LAUREAT', proposes: montants, accordes: d.accordes, structure: d.structure });
    autres.forEach((d, k) => {
      const decision = ['LAUREAT', 'REFUSE', 'AJOURNE'][k % 3];
      plan.set(d.numero, { decision, proposes: d.proposes, accordes: decision === 'LAUREAT' ? d.proposes : null, structure: d.structure,
        motivation: decision === 'REFUSE' ? `Refus : ancrage territorial insuffisant et modèle économique fragile (${d.numero}).` : null });
    });

    await etape(`comite — Décider des ${seance().length} dossiers dans Tasklist (filtre « Comité — vague ${A.vague} »${montantsModifies ? ', montants de A modifiés' : ''})`, async () => {
      await attendreTachesDecision(A.vague, seance().length);
      await deciderEnComite(tl, A.vague, plan);
      await verifierDecisionsProposees(A.vague, plan);
    });

    await etape('gestionnaire — Arrêter les décisions (publier)', async () => {
      await tl.connecter('gestionnaire');
      await tl.ouvrir({ nom: 'Arrêter les décisions', ...tacheVague });
      await tl.reclamer();
      enteteVague(await tl.verifierTexte([A.vague, ...seance().map((d) => d.numero)], 'Arrêter les décisions'), 'Arrêter les décisions');
      // Les décisions proposées en liste (un élément par dossier), pas en tableau large.
      const p = tl.page;
      const enTableau = await p.locator('.fjs-container table', { hasText: A.numero }).count();
      if (enTableau) anomalie('Arrêter les décisions : les décisions sont présentées en tableau (attendu : une liste)');
      for (const d of seance()) {
        const element = p.locator('.fjs-container li', { hasText: d.numero });
        if (!(await element.count())) anomalie(`Arrêter les décisions : ${d.numero} n'a pas sa ligne dans la liste des décisions`);
        else if (tous().includes(d)) journal(`  ${(await element.first().innerText()).replace(/\s+/g, ' ').trim()}`);
      }
      await tl.radio('Publication', 'Arrêter et publier les décisions (notifiées aux porteurs)');
      await tl.terminer('arreter-decisions');
      // La publication tourne en tâche de fond (job) : le statut de chaque dossier se lit chez le porteur.
      const t0 = Date.now();
      await attendreStatut(A, 'LAUREAT', 60000);
      for (const d of seance()) await attendreStatut(d, plan.get(d.numero).decision, 10000);
      journal(`  publiés en ${((Date.now() - t0) / 1000).toFixed(1)} s : ${[...plan.values()].filter((x) => x.decision === 'LAUREAT').length} lauréats, `
        + `${[...plan.values()].filter((x) => x.decision === 'REFUSE').length} refusés, ${[...plan.values()].filter((x) => x.decision === 'AJOURNE').length} ajournés`);
    });

    await etape('porteur — signature de la convention (API)', async () => {
      for (const d of tous()) {
        await signerPorteur(d);
        await attendreStatut(d, 'CONVENTION_SIGNEE_PORTEUR');
      }
    });

    await etape("gestionnaire — Signer la convention pour l'État", async () => {
      for (const d of tous()) {
        await tl.connecter('gestionnaire');
        await tl.ouvrir({ nom: "Signer la convention pour l'État", ...d, colonnes: colonnesDossier(d) });
        await tl.reclamer();
        await tl.verifierTexte([d.numero], "Signer la convention pour l'État");
        await tl.cocher("Je signe la convention au nom de l'État");
        await tl.terminer(`signer-convention-etat${d.suffixe}`);
        await attendreStatut(d, 'CONVENTIONNE');
      }
    });

    await etape('financier — Ordonnancer le versement (année 1)', async () => {
      for (const d of tous()) await ordonnancer(tl, d, 1, d.accordes[0]);
    });
    await etape("financier2 — Valider l'ordre de versement (année 1 ; celui de A d'abord renvoyé avec un motif)", async () => {
      const motif = 'Coordonnées bancaires à confirmer avec la structure.';
      await validerOrdre(tl, A, 1, A.accordes[0], { renvoi: motif });
      await tl.connecter('financier');
      await tl.ouvrir({ nom: 'Ordonnancer le versement', numero: A.numero, structure: A.structure, colonnes: colonnesDossier(A) });
      await tl.verifierTexte([A.numero, 'Ordre renvoyé par le validateur', 'Coordonnées bancaires à confirmer'], 'Ordonnancer le versement (renvoyé)');
      await ordonnancer(tl, A, 1, A.accordes[0]);
      for (const d of tous()) await validerOrdre(tl, d, 1, d.accordes[0]);
    });

    if (!reprise) {
      await etape("gestionnaire propose un avenant (API), gestionnaire2 « Valider l'avenant », le porteur le signe (API), gestionnaire « Signer l'avenant pour l'État »", async () => {
        await avenant(tl, A);
      });
    }

    for (const annee of [2, 3]) {
      let anneeBilan = annee - 1;
      await etape(`anniversaire de la convention : attente du timer (versement de l'année ${annee})`, async () => {
        anneeBilan = await attendreBilanAttendu(A);
        journal(`  bilan attendu par le moteur : année ${anneeBilan}`);
        if (anneeBilan !== annee - 1) anomalie(`avant le versement de l'année ${annee}, le moteur attend le bilan de l'année ${anneeBilan} (attendu ${annee - 1})`);
      });
      await etape(`porteur — bilan de l'année ${anneeBilan} (API)`, async () => deposerBilan(A, anneeBilan));
      await etape(`instructeur — Valider le bilan annuel (année ${anneeBilan})`, async () => validerBilan(tl, A, anneeBilan));
      await etape(`financier — Ordonnancer le versement (année ${annee})`, async () => ordonnancer(tl, A, annee, A.accordes[annee - 1]));
      await etape(`financier2 — Valider l'ordre de versement (année ${annee})`, async () => validerOrdre(tl, A, annee, A.accordes[annee - 1]));
      if (B && annee === 2) {
        await etape('dossier B — bilan de l\'année 1 rejeté, puis gestionnaire « Décider de la suite de la suspension »', async () => {
          const anneeB = await attendreBilanAttendu(B);
          await deposerBilan(B, anneeB);
          await validerBilan(tl, B, anneeB, { decision: 'Rejeté : suspendre les versements', motif: 'Compte rendu financier incohérent avec les dépenses déclarées.' });
          await tl.connecter('gestionnaire');
          await tl.ouvrir({ nom: 'Décider de la suite de la suspension', ...B, colonnes: colonnesDossier(B) });
          await tl.reclamer();
          // Sous les yeux du gestionnaire : le motif de la suspension (le bilan rejeté), le versé, le déjà reversé.
          const texte = (await tl.verifierTexte([B.numero, 'Motif de la suspension', 'Versé', 'déjà reversé'], 'Décider du reversement'))
            .replace(/[\u202f\u00a0]/g, ' ');
          if (!/Compte rendu financier incohérent/.test(texte)) anomalie(`Décider du reversement : le motif du rejet du bilan n'est pas affiché (« ${texte.replace(/\s+/g, ' ').slice(0, 500)} »)`);
          if (!/Versé\W*\s*45 000/.test(texte)) anomalie(`Décider du reversement : le montant versé (45 000 €) n'est pas affiché (« ${texte.replace(/\s+/g, ' ').slice(0, 500)} »)`);
          if (!/déjà reversé\W*\s*0 €/.test(texte)) anomalie(`Décider du reversement : le déjà reversé (0 €) n'est pas affiché (« ${texte.replace(/\s+/g, ' ').slice(0, 500)} »)`);
          // D'abord plus que les sommes versées (45 000 €) : le serveur refuse, Tasklist le dit.
          await tl.radio('Suite', 'Reversement : fin de la convention');
          await tl.nombre('Montant à reverser', 60000);
          await tl.texte('Motif', 'Reversement demandé : dépenses non justifiées.');
          await tl.terminerRefuse('decider-reversement-B', 'reversement doit être compris entre');
          await tl.nombre('Montant à reverser', 10000);
          await tl.texte('Motif', 'Reversement partiel : dépenses de l\'année 1 non justifiées à hauteur de 10 000 €.');
          await tl.terminer('decider-reversement-B');
          await attendreStatut(B, 'VERSEMENTS_SUSPENDUS');
        });
        await etape('dossier B — financier « Enregistrer le reversement reçu », financier2 « Valider le reversement reçu »', async () => {
          await tl.connecter('financier');
          await tl.ouvrir({ nom: 'Enregistrer le reversement reçu', ...B, colonnes: colonnesDossier(B) });
          await tl.reclamer();
          await tl.verifierTexte([B.numero, 'Reversement ordonné'], 'Enregistrer le reversement reçu');
          await tl.nombre('Montant reçu', 10000);
          await tl.terminer('enregistrer-reversement-recu-B');
          await tl.connecter('financier2');
          await tl.ouvrir({ nom: 'Valider le reversement reçu', ...B, colonnes: colonnesDossier(B) });
          await tl.reclamer();
          await tl.verifierTexte([B.numero, 'Montant reçu enregistré', 'financier'], 'Valider le reversement reçu');
          await tl.radio('Décision', 'Valider : solder le dossier après reversement');
          await tl.terminer('valider-reversement-recu-B');
          await attendreStatut(B, 'SOLDE_APRES_REVERSEMENT');
        });
      }
    }

    await etape('porteur — bilan final (année 3, API)', async () => {
      const annee = await attendreBilanAttendu(A);
      if (annee !== 3) anomalie(`bilan final : le moteur attend l'année ${annee} (attendu 3)`);
      await deposerBilan(A, 3);
    });
    await etape('instructeur — Valider le bilan final (année 3)', async () => validerBilan(tl, A, 3));

    await etape('porteur — le dossier est soldé (GET /api/dossiers/{numero})', async () => {
      const statut = await attendreStatut(A, 'SOLDE', 30000);
      journal(`  statut final de ${A.numero} : ${statut}${B ? ` ; de ${B.numero} : ${await statutDossier(B)}` : ''}`);
      for (const d of tous()) {
        const r = await http('GET', `/api/dossiers/${d.numero}`, { auth: `Bearer ${d.jeton}` });
        writeFileSync(join(SORTIE, `dossier-final${d.suffixe}.json`), JSON.stringify(r.donnees, null, 2));
      }
      // La page imprimable du dossier soldé (session Tasklist du dernier agent).
      const onglet = await contexte.newPage();
      const r = await onglet.goto(`${BASE}/agents/dossiers/${A.numero}`);
      if (r.status() !== 200) anomalie(`/agents/dossiers/${A.numero} avec la session Tasklist → ${r.status()}`);
      await photographierFiche(onglet, A.numero, 'fiche-complete-solde');
      await onglet.close();
    });
    if (!reprise) {
      const sansColonnes = AGENTS_DU_PARCOURS.filter((a) => !colonnesVues.has(a));
      if (sansColonnes.length) anomalie(`colonnes Dossier/Structure/Catégorie/Vague jamais vues complètes sur une carte de : ${sansColonnes.join(', ')}`);
      else journal(`colonnes vues sur les cartes de : ${[...colonnesVues].join(', ')}`);
    }
  } finally {
    await fermer();
  }
}

// ─── Le comité dans Tasklist ───────────────────────────────────────────────────────

/** Les libellés des décisions dans forms/decider-dossier.form. */
const DECISIONS = { LAUREAT: 'Lauréat', REFUSE: 'Refusé', AJOURNE: 'Ajourné (présenté à la vague suivante)' };
/** Clics et touches du comité, dossier par dossier. */
const mesuresComite = [];

/** Les tâches « Décider du dossier » sont créées par un job (continuation asynchrone) : on les attend. */
async function attendreTachesDecision(vague, nombre) {
  const fin = Date.now() + 60000;
  let vues = 0;
  while (Date.now() < fin) {
    const r = await http('GET', `/engine-rest/task/count?processInstanceBusinessKey=${encodeURIComponent(vague)}&taskDefinitionKey=UserTask_DeciderDossier`,
      { auth: basic('comite') });
    vues = r.donnees?.count || 0;
    if (vues >= nombre) {
      journal(`  ${vues} tâches « Décider du dossier » créées par l'exécuteur de jobs`);
      return vues;
    }
    await pause(1000);
  }
  echec(`vague ${vague} : ${vues} tâche(s) « Décider du dossier » après 60 s, ${nombre} attendues`);
}

/**
 * Le comité décide de chaque dossier de la vague dans le filtre partagé « Comité — vague X » :
 * la première carte de la liste, son nom (clic), « Prendre en charge », la décision (bouton radio),
 * la motivation d'un refus (tapée), les montants d'un lauréat s'ils diffèrent de la proposition
 * (préremplis), « Terminer ». Clics et touches comptés par dossier. Un dossier de la vague absent
 * du plan (reste d'un parcours interrompu) est ajourné.
 */
async function deciderEnComite(tl, vague, plan) {
  const p = tl.page;
  await tl.connecter('comite');
  const filtre = `Comité — vague ${vague}`;
  const noms = (await p.locator('.task-filter h4.name a').allInnerTexts()).map((t) => t.replace(/\s+\(?\d+\)?\s*$/, '').trim());
  if (!noms.includes(filtre)) echec(`comite : pas de filtre « ${filtre} » dans Tasklist (vus : ${noms.join(', ')})`);
  await tl.choisirFiltre(filtre);
  const cartes = p.locator('ol.tasks-list > li.task');
  await cartes.first().waitFor({ timeout: 20000 });
  await p.waitForTimeout(800);
  const titres = (await cartes.locator('h4.task a').allInnerTexts()).map((t) => t.trim());
  const rangs = titres.map((t) => Number((t.match(/\(n° (\d+),/) || [])[1]));
  journal(`  « ${filtre} » : ${titres.length} tâche(s) affichée(s), rangs dans l'ordre de la liste : ${rangs.join(', ')}`);
  if (rangs.some((r, i) => Number.isNaN(r) || (i > 0 && r < rangs[i - 1]))) {
    anomalie(`« ${filtre} » : les tâches ne sont pas dans l'ordre du jour (rangs lus de haut en bas : ${rangs.join(', ')})`);
  }
  await scanner(p, `comite, filtre « ${filtre} »`);

  const faites = new Set();
  const photos = new Set();
  const fin = Date.now() + 15 * 60000;
  for (;;) {
    // La première carte pas encore décidée (la liste se rafraîchit après chaque « Terminer »).
    let indice = -1;
    let numero = null;
    let titre = null;
    for (let essai = 0; indice < 0 && essai < 20; essai++) {
      const liste = (await cartes.locator('h4.task a').allInnerTexts()).map((t) => t.trim());
      indice = liste.findIndex((t) => { const m = t.match(/\b([A-Z]{3}-\d{4}-\d{4,})\b/); return m && !faites.has(m[1]); });
      if (indice >= 0) {
        titre = liste[indice];
        numero = titre.match(/\b([A-Z]{3}-\d{4}-\d{4,})\b/)[1];
      } else {
        const reste = await http('GET', `/engine-rest/task/count?processInstanceBusinessKey=${encodeURIComponent(vague)}&taskDefinitionKey=UserTask_DeciderDossier`,
          { auth: basic('comite') });
        if (!reste.donnees?.count) break;
        await p.waitForTimeout(500);
      }
    }
    if (indice < 0) break;
    if (Date.now() > fin) echec(`comite : les décisions ne sont pas finies après 15 min (${faites.size} faites)`);
    const carte = cartes.nth(indice);
    const prevu = plan.get(numero) || { decision: 'AJOURNE', horsPlan: true };
    if (prevu.horsPlan) journal(`  ${numero} n'est pas un dossier du parcours : ajourné`);
    const premier = faites.size === 0;
    const rang = (titre.match(/\(n° (\d+),/) || [])[1];
    if (premier) await verifierCarteComite(tl, carte, titre, numero, rang, prevu);
    await tl.verifierLienCarte(carte, numero, titre);

    const avant = { clics: tl.clics, touches: tl.touches };
    await tl.ouvrirCarte(carte, titre);
    await tl.verifierTexte([numero, prevu.structure || ''].filter(Boolean), 'Décider du dossier');
    await tl.verifierFiche(numero, 'Décider du dossier');
    const lienEntete = await tl.verifierLienEntete(numero, titre);
    if (premier) await photographierLienTasklist(tl, lienEntete, numero);
    await tl.reclamer();
    await tl.radio('Décision du comité', DECISIONS[prevu.decision]);
    const montants = [1, 2, 3].map((a) => tl.champ('number', `Montant accordé — année ${a}`));
    if (prevu.decision === 'LAUREAT') {
      for (let a = 0; a < 3; a++) {
        if (!(await montants[a].isVisible())) { anomalie(`Décider du dossier ${numero} : « Montant accordé — année ${a + 1} » absent pour un lauréat`); continue; }
        const lu = Number((await montants[a].locator('input').inputValue()).replace(/[\s\u202f\u00a0]/g, ''));
        if (prevu.proposes && lu !== prevu.proposes[a]) anomalie(`Décider du dossier ${numero} : montant de l'année ${a + 1} prérempli à ${lu} (proposé par l'instruction : ${prevu.proposes[a]})`);
        if (prevu.accordes[a] !== lu) await tl.nombre(`Montant accordé — année ${a + 1}`, prevu.accordes[a]);
      }
    } else {
      for (let a = 0; a < 3; a++) {
        if (await montants[a].isVisible()) anomalie(`Décider du dossier ${numero} : « Montant accordé — année ${a + 1} » affiché pour une décision ${prevu.decision}`);
      }
    }
    if (prevu.motivation) await tl.texte('Motivation', prevu.motivation);
    const photo = !photos.has(prevu.decision);
    photos.add(prevu.decision);
    await tl.terminer(`decider-dossier-${prevu.decision.toLowerCase()}`, { photo });
    const mesure = { numero, rang, decision: prevu.decision, clics: tl.clics - avant.clics, touches: tl.touches - avant.touches };
    mesuresComite.push(mesure);
    faites.add(numero);
    journal(`  ${numero} (n° ${rang}) : ${prevu.decision} — ${mesure.clics} clics, ${mesure.touches} touches`);
  }
  if (faites.size < plan.size) anomalie(`comite : ${faites.size} dossier(s) décidé(s) dans Tasklist, ${plan.size} attendus`);
  const absents = [...plan.keys()].filter((n) => !faites.has(n));
  if (absents.length) anomalie(`comite : dossiers jamais vus dans « ${filtre} » : ${absents.join(', ')}`);
  const clics = mesuresComite.map((m) => m.clics);
  const touches = mesuresComite.map((m) => m.touches);
  const moyenne = (l) => (l.reduce((a, b) => a + b, 0) / l.length).toFixed(1);
  journal(`  ${mesuresComite.length} dossiers décidés : clics par dossier ${moyenne(clics)} en moyenne, ${Math.max(...clics)} au plus ; `
    + `touches ${moyenne(touches)} en moyenne, ${Math.max(...touches)} au plus`);
}

/** La première carte du filtre du comité, dépliée : rang, dossier, structure, catégorie (image carte-comite.png). */
async function verifierCarteComite(tl, carte, titre, numero, rang, prevu) {
  const volet = carte.locator('.task-card-details .shutter');
  if (await volet.isVisible().catch(() => false)) {
    await volet.click();
    await carte.locator('.task-card-details.expanded').waitFor({ timeout: 3000 }).catch(() => anomalie(`comite : la carte « ${titre} » ne se déplie pas`));
    await tl.page.waitForTimeout(300);
  }
  const texte = (await carte.locator('.variables').innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  const attendues = [['N°', rang], ['Dossier', numero], ['Structure', prevu.structure], ['Catégorie', null]];
  const absentes = attendues.filter(([l, v]) => !texte.includes(l) || (v && !texte.includes(v)));
  if (absentes.length) anomalie(`comite : colonnes absentes de la carte « ${titre} » : ${absentes.map(([l]) => l).join(', ')} (carte : « ${texte} »)`);
  else {
    colonnesVues.add('comite');
    const png = join(SORTIE, 'carte-comite.png');
    await carte.screenshot({ path: png });
    journal(`  carte du comité dépliée : ${texte} (${png})`);
  }
}

/**
 * Le lien « Fiche du dossier » de Tasklist (carte et en-tête) en image, puis suivi comme une
 * personne : un nouvel onglet, la page imprimable ouverte avec la session Tasklist.
 */
async function photographierLienTasklist(tl, lien, numero) {
  const png = join(SORTIE, 'lien-fiche-tasklist.png');
  await tl.page.screenshot({ path: png });
  journal(`  lien « Fiche du dossier » sur les cartes et dans l'en-tête : ${png}`);
  const [onglet] = await Promise.all([tl.contexte.waitForEvent('page', { timeout: 10000 }), lien.click()]).catch(() => [null]);
  if (!onglet) return anomalie(`« Fiche du dossier » de l'en-tête (${numero}) : aucun onglet ouvert au clic`);
  await photographierFiche(onglet, numero, 'fiche-depuis-tasklist');
  await onglet.close();
}

/** La page imprimable du dossier : 200, HTML, le numéro ; image pleine page et relevé des libellés. */
async function photographierFiche(onglet, numero, nom) {
  await onglet.waitForLoadState('load');
  const titre = await onglet.locator('h1').first().innerText().catch(() => '');
  if (!onglet.url().includes(`/agents/dossiers/${numero}`) || !titre.includes(numero)) {
    anomalie(`page de la fiche ${numero} : adresse ${onglet.url()}, titre « ${titre} »`);
  }
  const png = join(SORTIE, `${nom}.png`);
  await onglet.screenshot({ path: png, fullPage: true });
  await scanner(onglet, `page de la fiche ${numero}`, 'tous');
  journal(`  page « ${titre} » : ${png}`);
}

/** Les décisions du comité, relues par l'API des agents (GET /api/agents/vagues/{code}/seance). */
async function verifierDecisionsProposees(vague, plan) {
  const r = await http('GET', `/api/agents/vagues/${vague}/seance`, { auth: basic('comite') });
  if (r.statut !== 200) echec(`GET /api/agents/vagues/${vague}/seance (comite) → ${r.statut} ${r.texte}`);
  let justes = 0;
  for (const [numero, prevu] of plan) {
    const l = r.donnees.find((x) => x.numero === numero);
    if (!l) { anomalie(`après les décisions, ${numero} n'est plus à la séance de ${vague}`); continue; }
    const m = l.montantsProposesParLeComite;
    const accordes = m && [m.annee1, m.annee2, m.annee3];
    const erreurs = [];
    if (l.decisionProposee !== prevu.decision) erreurs.push(`décision ${l.decisionProposee}`);
    if (prevu.decision === 'LAUREAT' && String(accordes) !== String(prevu.accordes)) erreurs.push(`montants ${accordes} (attendu ${prevu.accordes})`);
    if (prevu.motivation && l.motivationProposee !== prevu.motivation) erreurs.push(`motivation « ${l.motivationProposee} »`);
    if (erreurs.length) anomalie(`décision enregistrée pour ${numero} : ${erreurs.join(', ')} (attendu ${prevu.decision})`);
    else justes++;
  }
  journal(`  ${justes}/${plan.size} décisions relues par GET /api/agents/vagues/${vague}/seance telles que choisies dans Tasklist`);
}

let code = 0;
try {
  await principal();
} catch (e) {
  code = 1;
  console.error(`\nÉCHEC : ${e instanceof EchecParcours ? e.message : e.stack}`);
}
const duree = ((Date.now() - debut) / 1000).toFixed(0);
console.log('\nDurées des étapes :');
for (const [titre, s] of etapes) console.log(`  ${s.toFixed(1).padStart(7)} s  ${titre}`);
if (mesuresComite.length) {
  const moyenne = (l) => (l.reduce((a, b) => a + b, 0) / l.length).toFixed(1);
  console.log(`\nComité : ${mesuresComite.length} dossiers décidés dans Tasklist (clics / touches par dossier)`);
  for (const decision of Object.keys(DECISIONS)) {
    const l = mesuresComite.filter((m) => m.decision === decision);
    if (l.length) console.log(`  ${decision.padEnd(8)} ${String(l.length).padStart(3)} dossier(s) : clics ${moyenne(l.map((m) => m.clics))} en moyenne (max ${Math.max(...l.map((m) => m.clics))}), touches ${moyenne(l.map((m) => m.touches))} (max ${Math.max(...l.map((m) => m.touches))})`);
  }
  const c = mesuresComite.map((m) => m.clics);
  const t = mesuresComite.map((m) => m.touches);
  console.log(`  TOUS     ${String(mesuresComite.length).padStart(3)} dossier(s) : clics ${moyenne(c)} en moyenne (max ${Math.max(...c)}), touches ${moyenne(t)} (max ${Math.max(...t)})`);
}
console.log(`\n${pagesScannees} relevé(s) du texte visible (libellés anglais d'origine de Camunda) ; images : ${SORTIE}`);
if (defautsLecture.length) {
  console.log(`\n${defautsLecture.length} défaut(s) de lecture (⚠, sans échec ; --strict pour échouer) :`);
  for (const d of defautsLecture) console.log(`  - ${d}`);
}
if (anomalies.length) {
  code = 1;
  console.error(`\n${anomalies.length} anomalie(s) :`);
  for (const a of anomalies) console.error(`  - ${a}`);
}
console.log(`\nparcours-tasklist : ${code === 0 ? 'RÉUSSI' : 'ÉCHEC'} en ${duree} s — images sous ${SORTIE}`);
process.exit(code);
