/*
 * Fabriques de Territoire — page « Programme » de Cockpit et son entrée au tableau de bord
 * (README, « Pilotage dans Cockpit »).
 *
 * Plugins de Cockpit 7.24 (API des plugins « render ») exportés par ce module ES, chargé par
 * « customScripts » dans cockpit/scripts/config.js :
 *   - cockpit.dashboard  : le résumé (quotas, enveloppe, dossiers, tâches en retard) au tableau de bord ;
 *   - cockpit.route      : la page #/programme ;
 *   - cockpit.navigation : son onglet « Programme » dans l'en-tête.
 * Les chiffres viennent de GET /api/agents/pilotage, lu avec la session Cockpit (cookie ; une
 * lecture n'a pas besoin du jeton anti-falsification). Chaque nombre est un lien vers la liste
 * des dossiers filtrée (/agents/dossiers?…, donné par le serveur), chaque dossier cité vers sa
 * fiche (/agents/dossiers/{numero}). Graphiques en SVG dessinés ici : aucune bibliothèque, aucune
 * ressource externe ; styles : programme-cockpit.css (importé par cockpit/styles/user-styles.css).
 * Tout texte venu du serveur passe par textContent (jamais innerHTML).
 */
const API = '/api/agents/pilotage';
const LISTE = '/agents/dossiers';
const SVG = 'http://www.w3.org/2000/svg';

const nombres = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const jours = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });
const datesCourtes = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' });

const CATEGORIES = {
  HORS_GRANDS_CENTRES: 'Hors grands centres',
  QPV: 'Quartier prioritaire (QPV)',
  NUMERIQUE_QPV: 'Numérique (QPV)'
};
const APPELS = {
  FABRIQUES_TERRITOIRE: 'Fabriques de territoire',
  FABRIQUES_NUMERIQUES: 'Fabriques numériques de territoire'
};
const ETATS_VAGUE = { OUVERTE: 'ouverte', CLOSE: 'close', DELIBEREE: 'délibérée' };
const GROUPES = {
  instructeurs: 'Instructeurs',
  'referents-territoriaux': 'Référents territoriaux',
  'comite-selection': 'Comité de sélection',
  gestionnaires: 'Gestionnaires',
  'service-financier': 'Service financier',
  analystes: 'Analystes',
  'camunda-admin': 'Administration technique'
};

/* ---- petites aides DOM ---------------------------------------------------------------- */

function el(nom, attributs, ...enfants) {
  const n = document.createElement(nom);
  for (const [cle, valeur] of Object.entries(attributs || {})) {
    if (valeur === undefined || valeur === null) continue;
    if (cle === 'classe') n.className = valeur;
    else n.setAttribute(cle, valeur);
  }
  for (const e of enfants.flat(Infinity)) {
    if (e === null || e === undefined || e === false) continue;
    n.appendChild(typeof e === 'string' || typeof e === 'number' ? document.createTextNode(String(e)) : e);
  }
  return n;
}

function svg(nom, attributs, ...enfants) {
  const n = document.createElementNS(SVG, nom);
  for (const [cle, valeur] of Object.entries(attributs || {})) {
    if (valeur !== undefined && valeur !== null) n.setAttribute(cle, valeur);
  }
  for (const e of enfants.flat(Infinity)) {
    if (e === null || e === undefined) continue;
    n.appendChild(typeof e === 'string' || typeof e === 'number' ? document.createTextNode(String(e)) : e);
  }
  return n;
}

/** Whether the agent may open the list and the sheets (analysts see the figures, not the dossiers): set by each answer. */
let listeOuverte = true;

/** Only the agents' dossier pages are linked: any other address from the server is ignored. */
function adresseSure(href) {
  return listeOuverte && typeof href === 'string' && (href === LISTE || href.startsWith(LISTE + '?') || href.startsWith(LISTE + '/')) ? href : null;
}

/** A figure that opens the filtered list of the dossiers behind it (new tab: Cockpit stays open). */
function lien(texte, href, titre) {
  const sure = adresseSure(href);
  if (!sure) return el('span', { classe: 'fp-nombre' }, texte);
  return el('a', { classe: 'fp-nombre', href: sure, target: '_blank', rel: 'noopener', title: titre || 'Voir la liste des dossiers' }, texte);
}

function section(titre, explication, ...contenu) {
  return el('section', { classe: 'fp-section' }, el('h2', null, titre), explication ? el('p', { classe: 'fp-aide' }, explication) : null, contenu);
}

function tableau(entetes, lignes, classe) {
  return el('table', { classe: 'table table-condensed fp-tableau ' + (classe || '') },
    el('thead', null, el('tr', null, entetes.map((h) => el('th', null, h)))),
    el('tbody', null, lignes.map((cellules) => el('tr', null, cellules.map((c) => el('td', null, c))))));
}

/**
 * Horizontal bars drawn in SVG: one row per item, its label on the left, its value(s) as bars
 * and as a link at the end. `series`: [{ cle, nom, classe, lien }] ; each item gives item[cle]
 * and item[lien].
 */
function barres(items, { libelle, series, largeur = 640, format = (v) => nombres.format(v), titre }) {
  const hauteurLigne = 14 * series.length + 10;
  const gauche = 230;
  const droite = 70;
  const max = Math.max(1, ...items.flatMap((i) => series.map((s) => i[s.cle] || 0)));
  const hauteur = items.length * hauteurLigne + 28;
  const dessin = svg('svg', { width: largeur, height: hauteur, viewBox: `0 0 ${largeur} ${hauteur}`, role: 'img',
    'aria-label': titre || '' });
  dessin.setAttribute('class', 'fp-barres');
  if (titre) dessin.appendChild(svg('title', null, titre));
  items.forEach((item, i) => {
    const y = i * hauteurLigne + 4;
    dessin.appendChild(svg('text', { x: gauche - 8, y: y + hauteurLigne / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle',
      class: 'fp-etiquette' }, libelle(item)));
    series.forEach((s, k) => {
      const v = item[s.cle] || 0;
      const w = Math.round((largeur - gauche - droite) * v / max);
      const yb = y + k * 14;
      const barre = svg('rect', { x: gauche, y: yb, width: Math.max(v > 0 ? 2 : 0, w), height: 12, rx: 2, class: 'fp-barre ' + s.classe });
      barre.appendChild(svg('title', null, `${s.nom} : ${format(v)}`));
      const texte = svg('text', { x: gauche + Math.max(2, w) + 6, y: yb + 6, 'dominant-baseline': 'middle', class: 'fp-valeur' }, format(v));
      const href = adresseSure(item[s.lien]);
      if (href) {
        const a = svg('a', { href, target: '_blank', rel: 'noopener' }, barre, texte);
        a.setAttribute('class', 'fp-lien-barre');
        dessin.appendChild(a);
      } else {
        dessin.append(barre, texte);
      }
    });
  });
  const legende = svg('g', { transform: `translate(${gauche}, ${hauteur - 12})` });
  series.forEach((s, k) => {
    legende.appendChild(svg('rect', { x: k * 150, y: -8, width: 10, height: 10, class: 'fp-barre ' + s.classe }));
    legende.appendChild(svg('text', { x: k * 150 + 14, y: 0, class: 'fp-legende' }, s.nom));
  });
  dessin.appendChild(legende);
  return el('div', { classe: 'fp-graphique' }, dessin);
}

/* ---- lecture ---------------------------------------------------------------------------- */

async function lire(perimetre) {
  const parametres = new URLSearchParams();
  if (perimetre && perimetre.vague) parametres.set('vague', perimetre.vague);
  if (perimetre && perimetre.appel) parametres.set('appel', perimetre.appel);
  const requete = parametres.toString();
  const r = await fetch(API + (requete ? '?' + requete : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (r.status === 401) throw new Error('Session expirée : reconnectez-vous à Cockpit.');
  if (r.status === 403) {
    throw new Error('Les chiffres du programme sont réservés aux gestionnaires, aux analystes et au comité de sélection.');
  }
  if (!r.ok) {
    let detail = '';
    try {
      detail = (await r.json()).detail || '';
    } catch (e) {
      detail = '';
    }
    throw new Error('Les chiffres du programme n\'ont pas pu être lus (' + r.status + ')' + (detail ? ' : ' + detail : '.'));
  }
  const p = await r.json();
  listeOuverte = p.listeOuverte !== false;
  return p;
}

/* ---- sections de la page ----------------------------------------------------------------- */

function quotas(p) {
  const lignes = p.quotas.map((q) => [
    CATEGORIES[q.categorie] || q.categorie,
    lien(nombres.format(q.laureats), q.dossiers, 'Les lauréats de la catégorie (toutes vagues)'),
    nombres.format(q.quota),
    el('span', { classe: q.placesRestantes === 0 ? 'fp-alerte' : '' }, nombres.format(q.placesRestantes))
  ]);
  const graphique = barres(p.quotas.map((q) => Object.assign({}, q, { nom: CATEGORIES[q.categorie] || q.categorie })), {
    titre: 'Lauréats et quota par catégorie',
    libelle: (q) => q.nom,
    series: [
      { cle: 'laureats', nom: 'Lauréats', classe: 'fp-laureats', lien: 'dossiers' },
      { cle: 'quota', nom: 'Quota', classe: 'fp-quota' }
    ]
  });
  return section('Quotas par catégorie',
    `Cumulés sur toutes les vagues, pour ${nombres.format(p.totalFabriques)} Fabriques. Un lauréat tient sa place de la décision du comité `
      + 'jusqu\'à la fin de sa convention ; une convention caduque, une renonciation ou une annulation la rend.',
    tableau(['Catégorie', 'Lauréats', 'Quota', 'Places restantes'], lignes), graphique);
}

function enveloppe(p) {
  const e = p.enveloppe;
  const carte = (titre, valeur, href, aide) => el('div', { classe: 'fp-carte' }, el('div', { classe: 'fp-carte-titre' }, titre),
    el('div', { classe: 'fp-carte-valeur' }, href ? lien(euros.format(valeur), href, aide) : euros.format(valeur)));
  const largeur = 640;
  const part = (v) => Math.round(largeur * Math.max(0, v) / Math.max(1, e.enveloppe));
  const verse = Math.min(e.verse, e.engage);
  const dessin = svg('svg', { width: largeur, height: 46, viewBox: `0 0 ${largeur} 46`, role: 'img', 'aria-label': 'Répartition de l\'enveloppe' },
    svg('title', null, 'Répartition de l\'enveloppe : versé, engagé non versé, restant'),
    svg('rect', { x: 0, y: 0, width: part(verse), height: 18, class: 'fp-barre fp-verse' }, svg('title', null, 'Versé : ' + euros.format(verse))),
    svg('rect', { x: part(verse), y: 0, width: part(e.engage - verse), height: 18, class: 'fp-barre fp-engage' },
      svg('title', null, 'Engagé non versé : ' + euros.format(e.engage - verse))),
    svg('rect', { x: part(e.engage), y: 0, width: part(e.restant), height: 18, class: 'fp-barre fp-restant' },
      svg('title', null, 'Restant : ' + euros.format(e.restant))),
    svg('rect', { x: 0, y: 28, width: 10, height: 10, class: 'fp-barre fp-verse' }), svg('text', { x: 14, y: 37, class: 'fp-legende' }, 'Versé'),
    svg('rect', { x: 90, y: 28, width: 10, height: 10, class: 'fp-barre fp-engage' }),
    svg('text', { x: 104, y: 37, class: 'fp-legende' }, 'Engagé non versé'),
    svg('rect', { x: 250, y: 28, width: 10, height: 10, class: 'fp-barre fp-restant' }), svg('text', { x: 264, y: 37, class: 'fp-legende' }, 'Restant'));
  const filtre = p.perimetre && (p.perimetre.vague || p.perimetre.appel);
  return section('Enveloppe',
    'Engagé : montants décidés par le comité et avenants appliqués, moins ce qui a été libéré (tout le programme). Versé : ordres de '
      + 'versement émis ; recouvré : reversements reçus et validés ; libéré : l\'engagement d\'une convention caduque, le non-versé d\'une '
      + 'convention finie avant terme (renonciation, annulation, résiliation, reversement).'
      + (filtre ? ' Versé, recouvré et libéré suivent ici le périmètre choisi ; enveloppe, engagé et restant sont ceux du programme.' : ''),
    el('div', { classe: 'fp-cartes' },
      carte('Enveloppe', e.enveloppe),
      carte('Engagé', e.engage, e.dossiersEngages, 'Les lauréats (toutes vagues)'),
      carte('Versé', e.verse, e.dossiersVerses, 'Les dossiers qui peuvent avoir reçu un versement'),
      carte('Recouvré', e.recouvre, e.dossiersRecouvres, 'Les dossiers soldés après reversement ou résiliés'),
      carte('Libéré', e.libere, e.dossiersLiberes, 'Les dossiers caducs, renoncés, annulés, résiliés ou soldés après reversement'),
      carte('Restant', e.restant)),
    el('div', { classe: 'fp-graphique' }, dessin));
}

function pipeline(p) {
  const statuts = p.pipeline.parStatut.filter((s) => s.nombre > 0);
  const vagues = p.pipeline.parVague.filter((v) => v.nombre > 0 || v.etat === 'OUVERTE');
  return section('Dossiers',
    `${nombres.format(p.pipeline.total)} dossiers dans le périmètre. Un dossier compte dans sa vague actuelle (celle d'un dossier ajourné `
      + 'ou reporté est la nouvelle).',
    el('p', null, lien(nombres.format(p.pipeline.total) + ' dossiers', p.pipeline.dossiers, 'Tous les dossiers du périmètre')),
    el('h3', null, 'Par statut'),
    statuts.length ? barres(statuts, {
      titre: 'Dossiers par statut',
      libelle: (s) => s.libelle,
      series: [{ cle: 'nombre', nom: 'Dossiers', classe: 'fp-dossiers', lien: 'dossiers' }]
    }) : el('p', { classe: 'fp-aide' }, 'Aucun dossier.'),
    el('h3', null, 'Par appel'),
    tableau(['Appel', 'Dossiers'], p.pipeline.parAppel.map((a) => [APPELS[a.code] || a.libelle, lien(nombres.format(a.nombre), a.dossiers)])),
    el('h3', null, 'Par vague'),
    tableau(['Vague', 'Appel', 'État', 'Date limite', 'Dossiers', 'Lauréats'], vagues.map((v) => [
      v.code, APPELS[v.appel] || v.appel, ETATS_VAGUE[v.etat] || v.etat, datesCourtes.format(new Date(v.dateLimite)),
      lien(nombres.format(v.nombre), v.dossiers), lien(nombres.format(v.laureats), v.dossiersLaureats, 'Les lauréats de la vague')
    ])),
    vagues.length < p.pipeline.parVague.length
      ? el('p', { classe: 'fp-aide' }, `${p.pipeline.parVague.length - vagues.length} vague(s) sans dossier non affichée(s).`) : null);
}

function geographie(p) {
  const regions = p.geographie.regions;
  return section('Géographie',
    'Lauréats et dossiers par région et par département (adresse de la structure). Les lauréats tiennent une place du quota.',
    regions.length ? barres(regions, {
      titre: 'Dossiers et lauréats par région',
      libelle: (r) => r.nom,
      series: [
        { cle: 'dossiers', nom: 'Dossiers', classe: 'fp-dossiers', lien: 'lienDossiers' },
        { cle: 'laureats', nom: 'Lauréats', classe: 'fp-laureats', lien: 'lienLaureats' }
      ]
    }) : el('p', { classe: 'fp-aide' }, 'Aucun dossier.'),
    el('div', { classe: 'fp-colonnes' },
      el('div', null, el('h3', null, 'Par région'),
        tableau(['Région', 'Dossiers', 'Lauréats'], regions.map((r) => [
          `${r.nom} (${r.code})`, lien(nombres.format(r.dossiers), r.lienDossiers), lien(nombres.format(r.laureats), r.lienLaureats)]))),
      el('div', null, el('h3', null, 'Par département'),
        tableau(['Département', 'Région', 'Dossiers', 'Lauréats'], p.geographie.departements.map((d) => [
          `${d.nom} (${d.code})`, d.nomRegion, lien(nombres.format(d.dossiers), d.lienDossiers),
          lien(nombres.format(d.laureats), d.lienLaureats)])))));
}

function delais(p) {
  const mesures = p.delais.filter((d) => d.nombre > 0);
  return section('Délais',
    'En jours, sur les dossiers qui ont franchi les deux étapes (dates enregistrées) : la moitié des dossiers l\'ont fait en moins que la '
      + 'médiane, 90 % en moins que le 90e centile.',
    tableau(['Étape', 'Dossiers mesurés', 'Médiane (jours)', '90e centile (jours)'], p.delais.map((d) => [
      d.libelle, nombres.format(d.nombre), d.medianeJours === null ? '—' : jours.format(d.medianeJours),
      d.centile90Jours === null ? '—' : jours.format(d.centile90Jours)])),
    mesures.length ? barres(mesures, {
      titre: 'Médiane et 90e centile par étape',
      libelle: (d) => d.libelle,
      format: (v) => jours.format(v) + ' j',
      series: [
        { cle: 'medianeJours', nom: 'Médiane', classe: 'fp-mediane' },
        { cle: 'centile90Jours', nom: '90e centile', classe: 'fp-centile' }
      ],
      largeur: 700
    }) : null);
}

function retards(p) {
  const r = p.tachesEnRetard;
  return section('Tâches en retard',
    'Tâches ouvertes dont l\'échéance est passée, par groupe à qui elles sont offertes (une tâche offerte à deux groupes compte dans '
      + 'chacun). Tasklist ne montre à chaque agent que les tâches de ses groupes : chaque dossier en retard mène à sa fiche.',
    el('p', null, el('strong', { classe: r.total > 0 ? 'fp-alerte' : '' }, nombres.format(r.total)),
      r.total > 1 ? ' tâches en retard' : ' tâche en retard'),
    r.groupes.map((g) => el('details', { classe: 'fp-retards' },
      el('summary', null, `${GROUPES[g.groupe] || (g.groupe.startsWith('referents-') ? 'Référents du ' + g.groupe.substring(10) : g.groupe)} : `,
        el('strong', null, nombres.format(g.nombre))),
      tableau(['Tâche', 'Échéance', 'Dossier'], g.taches.map((t) => [
        t.tache, dates.format(new Date(t.echeance)),
        t.numero ? lien(t.numero, t.fiche, 'Fiche du dossier ' + t.numero) : '—'])),
      g.nombre > g.taches.length ? el('p', { classe: 'fp-aide' }, `et ${nombres.format(g.nombre - g.taches.length)} autre(s)`) : null)));
}

/* ---- la page ----------------------------------------------------------------------------- */

function selecteurs(p, perimetre, changer) {
  const vague = el('select', { classe: 'form-control input-sm', 'aria-label': 'Vague' },
    el('option', { value: '' }, 'Toutes les vagues'),
    (perimetre.vagues || []).map((v) => el('option', { value: v.code }, `${v.code} (${ETATS_VAGUE[v.etat] || v.etat})`)));
  vague.value = perimetre.vague || '';
  const appel = el('select', { classe: 'form-control input-sm', 'aria-label': 'Appel' },
    el('option', { value: '' }, 'Les deux appels'),
    Object.entries(APPELS).map(([code, nom]) => el('option', { value: code }, nom)));
  appel.value = perimetre.appel || '';
  vague.addEventListener('change', () => changer({ vague: vague.value, appel: appel.value }));
  appel.addEventListener('change', () => changer({ vague: vague.value, appel: appel.value }));
  return el('div', { classe: 'fp-perimetre form-inline' }, el('label', null, 'Périmètre : '), vague, ' ', appel,
    el('span', { classe: 'fp-aide' }, ' Calculé le ' + dates.format(new Date(p.calculeLe))));
}

function afficherErreur(noeud, e) {
  noeud.replaceChildren(el('div', { classe: 'alert alert-danger fp-erreur', role: 'alert' }, e.message));
}

function page(noeud) {
  const racine = el('div', { classe: 'fp-page', 'data-fabriques-programme': 'page' });
  noeud.appendChild(racine);
  const perimetre = { vague: '', appel: '', vagues: null };
  const charger = () => {
    racine.setAttribute('aria-busy', 'true');
    lire(perimetre).then((p) => {
      if (!perimetre.vagues) perimetre.vagues = p.pipeline.parVague;
      document.title = 'Programme – Fabriques de Territoire – Cockpit';
      racine.replaceChildren(
        el('h1', null, 'Programme Fabriques de Territoire'),
        selecteurs(p, perimetre, (choix) => {
          perimetre.vague = choix.vague;
          perimetre.appel = choix.appel;
          charger();
        }),
        p.listeOuverte === false ? el('p', { classe: 'fp-aide', 'data-fabriques-programme': 'sans-liens' },
          'Les nombres ne mènent pas aux dossiers : la liste des dossiers et leurs fiches sont réservées aux équipes qui '
          + 'instruisent, décident et paient (instructeurs, gestionnaires, comité, service financier, référents pour leur département).') : null,
        el('div', { classe: 'fp-colonnes' }, quotas(p), enveloppe(p)),
        pipeline(p), geographie(p), delais(p), retards(p));
      racine.removeAttribute('aria-busy');
    }, (e) => afficherErreur(racine, e));
  };
  racine.appendChild(el('p', { classe: 'fp-aide' }, 'Chargement des chiffres du programme…'));
  charger();
}

function tableauDeBord(noeud) {
  const racine = el('div', { classe: 'fp-resume', 'data-fabriques-programme': 'tableau-de-bord' },
    el('p', { classe: 'fp-aide' }, 'Chargement des chiffres du programme…'));
  noeud.appendChild(racine);
  lire(null).then((p) => {
    const e = p.enveloppe;
    racine.replaceChildren(
      el('h3', null, 'Programme Fabriques de Territoire'),
      el('div', { classe: 'fp-cartes' },
        p.quotas.map((q) => el('div', { classe: 'fp-carte' }, el('div', { classe: 'fp-carte-titre' }, CATEGORIES[q.categorie] || q.categorie),
          el('div', { classe: 'fp-carte-valeur' }, lien(nombres.format(q.laureats), q.dossiers, 'Les lauréats de la catégorie'),
            ` / ${nombres.format(q.quota)} lauréats`),
          el('div', { classe: 'fp-aide' }, `${nombres.format(q.placesRestantes)} places restantes`))),
        el('div', { classe: 'fp-carte' }, el('div', { classe: 'fp-carte-titre' }, 'Enveloppe restante'),
          el('div', { classe: 'fp-carte-valeur' }, euros.format(e.restant)),
          el('div', { classe: 'fp-aide' }, 'engagé ', lien(euros.format(e.engage), e.dossiersEngages), ', versé ',
            lien(euros.format(e.verse), e.dossiersVerses))),
        el('div', { classe: 'fp-carte' }, el('div', { classe: 'fp-carte-titre' }, 'Dossiers'),
          el('div', { classe: 'fp-carte-valeur' }, lien(nombres.format(p.pipeline.total), p.pipeline.dossiers, 'Tous les dossiers'))),
        el('div', { classe: 'fp-carte' }, el('div', { classe: 'fp-carte-titre' }, 'Tâches en retard'),
          el('div', { classe: 'fp-carte-valeur' }, el('span', { classe: p.tachesEnRetard.total > 0 ? 'fp-alerte' : '' },
            nombres.format(p.tachesEnRetard.total))))),
      el('p', null, el('a', { href: '#/programme', classe: 'btn btn-default btn-sm' }, 'Voir la page Programme : dossiers, géographie, délais')));
  }, (e) => afficherErreur(racine, e));
}

export default [
  {
    id: 'fabriques-programme-tableau-de-bord',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (noeud) => tableauDeBord(noeud)
  },
  {
    id: 'fabriques-programme',
    pluginPoint: 'cockpit.route',
    properties: { path: '/programme', label: 'Programme' },
    render: (noeud) => page(noeud)
  },
  {
    id: 'fabriques-programme-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 110,
    properties: {
      pagePath: '#/programme',
      label: 'Programme',
      checkActive: (adresse) => adresse.indexOf('#/programme') > -1
    }
  }
];
