// Libellés anglais de Camunda restés visibles : la vérification partagée par interface-fr.mjs et
// parcours-tasklist.mjs.
//
// Les libellés anglais sont ceux des fichiers d'origine, les en.json du webjar de Camunda
// (~/.m2/…/camunda-webapp-webjar-VERSION.jar, META-INF/resources/webjars/camunda/app/APP/locales/
// en.json, en UTF-8 avec BOM) ; les libellés français, ceux de l'application
// (src/main/resources/…/app/APP/locales/fr.json). Un libellé anglais n'est retenu que s'il a une
// autre forme en français (« Description », « Version » s'écrivent pareil), s'il a plus de trois
// caractères, n'est pas un nom de produit et n'attend pas de paramètre ({{ … }}).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RACINE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const APPLICATIONS = ['tasklist', 'cockpit', 'admin', 'welcome'];
const VERSION_CAMUNDA = '7.24.0';
const WEBJAR = process.env.CAMUNDA_WEBJAR
  || join(homedir(), `.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/${VERSION_CAMUNDA}/camunda-webapp-webjar-${VERSION_CAMUNDA}.jar`);
const FRANCAIS = (app) => join(RACINE, `src/main/resources/META-INF/resources/webjars/camunda/app/${app}/locales/fr.json`);
/** Noms de produits et sigles qui s'écrivent pareil dans les deux langues. */
const PRODUITS = /^(Camunda|Camunda Platform|Camunda Modeler|Tasklist|Cockpit|Admin|Welcome|BPMN|DMN|CMMN|BPMN 2\.0|DMN 1\.3|Java|JSON|XML|REST|SQL|FEEL|ID|URL)$/i;

const lireJson = (texte) => JSON.parse(texte.replace(/^\uFEFF/, ''));

function enJsonOriginal(app, base) {
  const chemin = `META-INF/resources/webjars/camunda/app/${app}/locales/en.json`;
  if (existsSync(WEBJAR)) return lireJson(execFileSync('unzip', ['-p', WEBJAR, chemin], { encoding: 'utf8', maxBuffer: 16 << 20 }));
  if (!base) throw new Error(`webjar introuvable : ${WEBJAR} (./mvnw dependency:resolve, ou CAMUNDA_WEBJAR=…)`);
  return null; // lu par HTTP (servi tel quel depuis le webjar) dans chargerLibelles
}

/**
 * Les libellés à ne pas voir, par application (et « tous », leur réunion, pour une page hors de
 * Camunda), et les clés de traduction (pour repérer une clé brute affichée).
 * `base` : adresse de l'application, pour lire en.json par HTTP si le webjar n'est pas dans ~/.m2.
 */
export async function chargerLibelles(base) {
  const anglais = { tous: new Set() };
  const francais = {};
  const cles = new Set();
  for (const app of APPLICATIONS) {
    let en = enJsonOriginal(app, base);
    if (!en) en = lireJson(await (await fetch(`${base}/camunda/app/${app}/locales/en.json`)).text());
    const fr = lireJson(readFileSync(FRANCAIS(app), 'utf8'));
    francais[app] = fr.labels;
    const memes = new Set(Object.values(fr.labels).map((v) => String(v).trim()));
    anglais[app] = new Set();
    for (const [cle, texte] of Object.entries(en.labels)) {
      cles.add(cle);
      const t = String(texte).replace(/\s+/g, ' ').trim();
      if (t.length > 3 && /[a-z]/i.test(t) && !t.includes('{{') && !/<\w/.test(t) && !PRODUITS.test(t) && !memes.has(t)) {
        anglais[app].add(t);
        anglais.tous.add(t);
      }
    }
  }
  return { anglais, francais, cles };
}

/**
 * Le texte visible de la page : document.body.innerText découpé en lignes (et en cellules), plus
 * les attributs placeholder et title des éléments visibles (une infobulle, un champ vide).
 */
export async function textesVisibles(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      if (!el || !el.getClientRects().length) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
    };
    const textes = document.body.innerText.split(/[\n\t]+/).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    for (const el of document.querySelectorAll('[placeholder], [title]')) {
      if (!visible(el)) continue;
      for (const a of ['placeholder', 'title']) {
        const t = (el.getAttribute(a) || '').replace(/\s+/g, ' ').trim();
        if (t) textes.push(t);
      }
    }
    return textes;
  });
}

const echapper = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ce qui reste d'anglais dans les textes d'une page de l'application `app` (tasklist…, ou
 * « tous ») : une ligne égale à un libellé anglais (au deux-points final près), ou un libellé
 * de plusieurs mots (8 caractères au moins) contenu dans une ligne ; des clés de traduction
 * brutes (MAJUSCULES_SOULIGNÉES) ; des paramètres {{ … }} non remplacés.
 */
export function relever(textes, { anglais, cles }, app = 'tous') {
  const libelles = anglais[app] || anglais.tous;
  if (!libelles.phrases) {
    libelles.phrases = [...libelles].filter((t) => t.includes(' ') && t.length >= 8)
      .map((t) => [t, new RegExp(`(^|[^\\p{L}])${echapper(t)}($|[^\\p{L}])`, 'u')]);
  }
  const restes = new Set();
  for (const t of textes) {
    const ligne = t.replace(/\s*:$/, '');
    if (libelles.has(t) || libelles.has(ligne)) restes.add(ligne);
    for (const [phrase, motif] of libelles.phrases) if (t.length > phrase.length && motif.test(t)) restes.add(phrase);
  }
  const brutes = new Set(textes.filter((t) => cles.has(t) && /^[A-Z][A-Z0-9_]{3,}$/.test(t)));
  const moustaches = new Set(textes.filter((t) => /\{\{.*\}\}/.test(t)));
  return { anglais: [...restes], brutes: [...brutes], moustaches: [...moustaches] };
}

/** Les relevés d'une page en phrases d'anomalie (vide si rien). */
export async function scannerPage(page, libelles, nom, app) {
  const application = app || (page.url().match(/\/app\/(\w+)\//) || [])[1] || 'tous';
  const r = relever(await textesVisibles(page), libelles, application);
  const messages = [];
  if (r.anglais.length) messages.push(`${nom} : libellés anglais visibles : ${r.anglais.map((t) => `« ${t} »`).join(', ')}`);
  if (r.brutes.length) messages.push(`${nom} : clés de traduction brutes visibles : ${r.brutes.join(', ')}`);
  if (r.moustaches.length) messages.push(`${nom} : paramètres non remplacés : ${r.moustaches.join(' | ')}`);
  return messages;
}
