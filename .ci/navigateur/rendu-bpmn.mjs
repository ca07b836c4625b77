// Rendu de chaque bpmn/*.bpmn dans bpmn-js (NavigatedViewer) avec le Chromium de Debian.
//
//   node rendu-bpmn.mjs [fichier.bpmn …]      (défaut : ../../bpmn/*.bpmn)
//
// Échec (code 1) si l'import donne une erreur ou un avertissement, ou si un nœud de flux
// ou un flux de séquence n'a pas d'élément graphique dessiné à partir de sa propre DI.
// Écrit un PNG par diagramme sous target/navigateur/ et signale (sans échouer, sauf
// avec --strict) ce qu'un lecteur verrait mal : formes qui se chevauchent, flux qui
// traversent une forme, étiquettes superposées, flux qui se croisent.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirChromium } from './chromium.mjs';

const ICI = dirname(fileURLToPath(import.meta.url));
const RACINE = resolve(ICI, '../..');
const SORTIE = join(RACINE, 'target/navigateur/bpmn');
const BPMN_JS = join(ICI, 'node_modules/bpmn-js/dist');

const args = process.argv.slice(2);
const strict = args.includes('--strict');
let fichiers = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
if (fichiers.length === 0) {
  const dossier = join(RACINE, 'bpmn');
  fichiers = readdirSync(dossier).filter((f) => f.endsWith('.bpmn')).sort().map((f) => join(dossier, f));
}
mkdirSync(SORTIE, { recursive: true });

const css = ['diagram-js.css', 'bpmn-js.css'].map((f) => readFileSync(join(BPMN_JS, 'assets', f), 'utf8')).join('\n');
const page_html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
html, body { margin: 0; padding: 0; background: #fff; }
#canvas { width: 100vw; height: 100vh; }
</style></head><body><div id="canvas"></div></body></html>`;

// Exécuté dans la page : import, contrôle de la DI, mise en page.
async function importer(xml) {
  const resultat = { erreurs: [], avertissements: [], sansGraphique: [], miseEnPage: [], compte: {} };
  const viewer = new window.BpmnJS({ container: '#canvas' });
  window.viewer = viewer;
  try {
    const { warnings } = await viewer.importXML(xml);
    for (const w of warnings) resultat.avertissements.push(String(w.message || w));
  } catch (e) {
    resultat.erreurs.push(String(e.message || e));
    for (const w of e.warnings || []) resultat.avertissements.push(String(w.message || w));
    return resultat;
  }
  const registre = viewer.get('elementRegistry');
  const definitions = viewer.getDefinitions();

  // Les éléments sémantiques à dessiner : nœuds de flux et flux de séquence de chaque
  // processus (participants compris) et de chaque sous-processus.
  const aDessiner = [];
  const parcourir = (conteneur) => {
    for (const el of conteneur.flowElements || []) {
      if (el.$instanceOf('bpmn:FlowNode') || el.$instanceOf('bpmn:SequenceFlow')) aDessiner.push(el);
      if (el.flowElements) parcourir(el);
    }
  };
  for (const racine of definitions.rootElements || []) {
    if (racine.$instanceOf('bpmn:Process')) parcourir(racine);
  }
  resultat.compte.semantique = aDessiner.length;
  // Ce que la DI du fichier décrit lui-même (pas une forme inventée par bpmn-js).
  const diDuFichier = new Set();
  for (const diagramme of definitions.diagrams || []) {
    for (const di of diagramme.plane?.planeElement || []) if (di.bpmnElement) diDuFichier.add(di.bpmnElement.id);
  }
  for (const el of aDessiner) {
    const forme = registre.get(el.id);
    const gfx = forme && registre.getGraphics(forme);
    const boite = gfx && gfx.getBBox();
    let probleme = null;
    if (!diDuFichier.has(el.id)) probleme = 'pas de BPMNShape/BPMNEdge dans la DI du fichier';
    else if (!forme || !gfx) probleme = 'aucun élément graphique';
    else if (!boite || (boite.width === 0 && boite.height === 0)) probleme = 'élément graphique vide';
    else if (el.$instanceOf('bpmn:SequenceFlow') && !(forme.waypoints && forme.waypoints.length >= 2)) probleme = 'flux sans points de passage';
    if (probleme) resultat.sansGraphique.push(`${el.$type.replace('bpmn:', '')} ${el.id}${el.name ? ` « ${el.name} »` : ''} : ${probleme}`);
  }

  // Mise en page : ce qu'un lecteur verrait mal.
  const nom = (e) => `${e.id}${e.businessObject?.name ? ` « ${e.businessObject.name.replace(/\s+/g, ' ')} »` : ''}`;
  const formes = registre.filter((e) => !e.waypoints && !e.labelTarget && e.parent && e.type !== 'bpmn:Process'
    && e.type !== 'bpmn:Participant' && e.type !== 'bpmn:Lane' && e.type !== 'label' && e.type !== 'bpmn:Collaboration');
  const flux = registre.filter((e) => e.waypoints && e.type === 'bpmn:SequenceFlow');
  const etiquettes = registre.filter((e) => e.type === 'label' && e.businessObject?.name);
  const rect = (e) => ({ x: e.x, y: e.y, w: e.width, h: e.height });
  const chevauche = (a, b, marge = 0) => a.x + marge < b.x + b.w && b.x + marge < a.x + a.w && a.y + marge < b.y + b.h && b.y + marge < a.y + a.h;
  const ancetre = (a, b) => { for (let p = b.parent; p; p = p.parent) if (p === a) return true; return false; };
  for (let i = 0; i < formes.length; i++) {
    for (let j = i + 1; j < formes.length; j++) {
      const a = formes[i], b = formes[j];
      if (ancetre(a, b) || ancetre(b, a)) continue;
      if (a.host === b || b.host === a) continue; // événement attaché à sa tâche
      if (chevauche(rect(a), rect(b), 1)) resultat.miseEnPage.push(`formes superposées : ${nom(a)} et ${nom(b)}`);
    }
  }
  // Un segment traverse-t-il l'intérieur d'un rectangle ? (segments orthogonaux ou non)
  const traverse = (p, q, r, marge = 3) => {
    const x0 = r.x + marge, x1 = r.x + r.w - marge, y0 = r.y + marge, y1 = r.y + r.h - marge;
    if (x1 <= x0 || y1 <= y0) return false;
    let t0 = 0, t1 = 1;
    const dx = q.x - p.x, dy = q.y - p.y;
    for (const [pp, qq] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
      if (pp === 0) { if (qq < 0) return false; continue; }
      const t = qq / pp;
      if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return t1 - t0 > 1e-6;
  };
  for (const f of flux) {
    for (const s of formes) {
      if (s === f.source || s === f.target || ancetre(s, f.source) || ancetre(s, f.target)) continue;
      if (s.host && (s.host === f.source || s.host === f.target)) continue;
      if (f.source?.host === s || f.target?.host === s) continue;
      const wp = f.waypoints;
      for (let k = 0; k + 1 < wp.length; k++) {
        if (traverse(wp[k], wp[k + 1], rect(s))) { resultat.miseEnPage.push(`flux ${nom(f)} traverse ${nom(s)}`); break; }
      }
    }
  }
  const boiteEtiquette = (e) => ({ x: e.x, y: e.y, w: e.width, h: e.height });
  for (let i = 0; i < etiquettes.length; i++) {
    for (let j = i + 1; j < etiquettes.length; j++) {
      if (chevauche(boiteEtiquette(etiquettes[i]), boiteEtiquette(etiquettes[j]), 1)) {
        resultat.miseEnPage.push(`étiquettes superposées : ${nom(etiquettes[i].labelTarget)} et ${nom(etiquettes[j].labelTarget)}`);
      }
    }
    for (const s of formes) {
      if (s === etiquettes[i].labelTarget || ancetre(s, etiquettes[i].labelTarget)) continue;
      if (chevauche(boiteEtiquette(etiquettes[i]), rect(s), 2)) resultat.miseEnPage.push(`étiquette de ${nom(etiquettes[i].labelTarget)} sur ${nom(s)}`);
    }
  }
  // Étiquette traversée par un flux (le sien compris : une étiquette se lit à côté de sa ligne).
  for (const e of etiquettes) {
    for (const f of flux) {
      const wp = f.waypoints;
      for (let k = 0; k + 1 < wp.length; k++) {
        if (traverse(wp[k], wp[k + 1], boiteEtiquette(e), 2)) {
          resultat.miseEnPage.push(`étiquette de ${nom(e.labelTarget)} barrée par le flux ${f === e.labelTarget ? '(le sien)' : nom(f)}`);
          break;
        }
      }
    }
  }
  // Mot coupé en deux lignes parce que la boîte de l'étiquette est trop étroite (« Instructi / on »).
  for (const e of registre.filter((x) => x.businessObject?.name && x.parent)) {
    const gfx = registre.getGraphics(e);
    const lignes = [...(gfx?.querySelectorAll(':scope > .djs-visual text tspan') || [])].map((t) => t.textContent.trim()).filter(Boolean);
    const texte = e.businessObject.name.replace(/\s+/g, ' ');
    for (let k = 0; k + 1 < lignes.length; k++) {
      const a = lignes[k], b = lignes[k + 1];
      if (/[\p{L}\d]$/u.test(a) && /^[\p{L}\d]/u.test(b) && texte.includes(a.split(' ').pop() + b.split(' ')[0])) {
        resultat.miseEnPage.push(`mot coupé dans l'étiquette de ${nom(e.labelTarget || e)} : « ${a} / ${b} »`);
      }
    }
  }
  // Deux flux qui suivent le même trait sans aller au même endroit : on ne sait plus lequel va où.
  const colineaires = (p, q, r, s) => {
    const horiz = (u, v) => u.y === v.y, vert = (u, v) => u.x === v.x;
    const recouvre = (a0, a1, b0, b1) => Math.min(Math.max(a0, a1), Math.max(b0, b1)) - Math.max(Math.min(a0, a1), Math.min(b0, b1));
    if (horiz(p, q) && horiz(r, s) && p.y === r.y) return recouvre(p.x, q.x, r.x, s.x) > 5;
    if (vert(p, q) && vert(r, s) && p.x === r.x) return recouvre(p.y, q.y, r.y, s.y) > 5;
    return false;
  };
  for (let i = 0; i < flux.length; i++) {
    for (let j = i + 1; j < flux.length; j++) {
      if (flux[i].target === flux[j].target || flux[i].source === flux[j].source) continue;
      const a = flux[i].waypoints, b = flux[j].waypoints;
      let commun = false;
      for (let k = 0; k + 1 < a.length && !commun; k++) for (let l = 0; l + 1 < b.length && !commun; l++) commun = colineaires(a[k], a[k + 1], b[l], b[l + 1]);
      if (commun) resultat.miseEnPage.push(`flux confondus sur un même trait : ${nom(flux[i])} et ${nom(flux[j])}`);
    }
  }
  const coupe = (p1, p2, p3, p4) => {
    const d = (a, b, c) => (c.x - a.x) * (b.y - a.y) - (b.x - a.x) * (c.y - a.y);
    const d1 = d(p3, p4, p1), d2 = d(p3, p4, p2), d3 = d(p1, p2, p3), d4 = d(p1, p2, p4);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  };
  for (let i = 0; i < flux.length; i++) {
    for (let j = i + 1; j < flux.length; j++) {
      const a = flux[i].waypoints, b = flux[j].waypoints;
      let croise = false;
      for (let k = 0; k + 1 < a.length && !croise; k++) for (let l = 0; l + 1 < b.length && !croise; l++) croise = coupe(a[k], a[k + 1], b[l], b[l + 1]);
      if (croise) resultat.miseEnPage.push(`flux croisés : ${nom(flux[i])} et ${nom(flux[j])}`);
    }
  }
  resultat.compte.formes = formes.length;
  resultat.compte.flux = flux.length;
  const canvas = viewer.get('canvas');
  const inner = canvas.viewbox().inner;
  resultat.boite = { x: inner.x, y: inner.y, width: inner.width, height: inner.height };
  return resultat;
}

const { contexte, fermer } = await ouvrirChromium();
let echecs = 0;
try {
  const page = await contexte.newPage();
  const erreursPage = [];
  page.on('pageerror', (e) => erreursPage.push(String(e)));
  for (const fichier of fichiers) {
    const nomFichier = basename(fichier);
    erreursPage.length = 0;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.setContent(page_html);
    await page.addScriptTag({ path: join(BPMN_JS, 'bpmn-navigated-viewer.production.min.js') });
    const r = await page.evaluate(importer, readFileSync(fichier, 'utf8'));
    const problemes = [...r.erreurs.map((e) => `erreur d'import : ${e}`), ...r.avertissements.map((w) => `avertissement d'import : ${w}`),
      ...r.sansGraphique, ...erreursPage.map((e) => `erreur JavaScript : ${e}`)];
    if (r.boite) {
      // Une image à l'échelle 1 du diagramme entier (bornée pour rester lisible).
      const marge = 40;
      const l = Math.min(Math.max(Math.ceil(r.boite.width) + 2 * marge, 600), 4000);
      const h = Math.min(Math.max(Math.ceil(r.boite.height) + 2 * marge, 300), 3000);
      await page.setViewportSize({ width: l, height: h });
      await page.evaluate(({ b, marge, l, h }) => {
        const canvas = window.viewer.get('canvas');
        canvas.resized();
        canvas.viewbox({ x: b.x - marge, y: b.y - marge, width: l, height: h });
      }, { b: r.boite, marge, l, h });
      const png = join(SORTIE, nomFichier.replace(/\.bpmn$/, '.png'));
      await page.screenshot({ path: png, fullPage: false });
      console.log(`${problemes.length ? 'ÉCHEC' : 'ok   '} ${nomFichier} : ${r.compte.semantique} éléments de flux, ${r.compte.formes} formes, ${r.compte.flux} flux → ${png}`);
    } else {
      console.log(`ÉCHEC ${nomFichier}`);
    }
    for (const p of problemes) console.log(`   ✗ ${p}`);
    for (const m of [...new Set(r.miseEnPage)]) console.log(`   ⚠ ${m}`);
    if (problemes.length || (strict && r.miseEnPage.length)) echecs++;
  }
} finally {
  await fermer();
}
if (echecs) {
  console.error(`rendu-bpmn : ${echecs} diagramme(s) sur ${fichiers.length} en échec`);
  process.exit(1);
}
console.log(`rendu-bpmn : ${fichiers.length} diagramme(s) dessinés depuis leur DI, sans avertissement`);
