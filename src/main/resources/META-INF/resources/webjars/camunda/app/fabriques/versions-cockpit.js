/*
 * Fabriques de Territoire — au tableau de bord de Cockpit, l'entrée « Versions des processus » :
 * les instances en cours sur une version antérieure de leur processus, et le lien vers la page
 * /agents/versions (ouverte avec la session Cockpit) qui montre le plan de migration, le vérifie
 * et le lance (README, « Nouvelle version d'un processus : migrer les dossiers en cours »).
 * Plugin « render » de Cockpit 7.24 (point cockpit.dashboard), chargé par « customScripts » dans
 * cockpit/scripts/config.js. Lecture seule (GET /api/agents/versions) ; tout texte venu du serveur
 * passe par textContent.
 */
const PAGE = '/agents/versions';
const API = '/api/agents/versions';
const MOI = '/api/agents/moi';
// The groups that read the versions (web/VersionsProcessusController): the committee, in Cockpit for the
// « Programme » page only, sees no entry it could not open.
const LECTEURS = ['gestionnaires', 'analystes', 'camunda-admin'];

function element(nom, texte) {
  const e = document.createElement(nom);
  if (texte !== undefined) {
    e.textContent = texte;
  }
  return e;
}

async function resume(noeud) {
  try {
    const moi = await fetch(MOI, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!moi.ok || !(await moi.json()).groupes.some((g) => LECTEURS.includes(g))) {
      return;
    }
  } catch (e) {
    return;
  }
  const section = element('section');
  section.className = 'fabriques-versions';
  const titre = element('h3', 'Versions des processus');
  const texte = element('p', 'Migrer les dossiers en cours vers une version corrigée d\u2019un processus.');
  const lien = element('a', 'Voir les versions et migrer');
  lien.href = PAGE;
  lien.target = '_blank';
  lien.rel = 'noopener';
  section.append(titre, texte, lien);
  noeud.appendChild(section);
  try {
    const reponse = await fetch(API, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!reponse.ok) {
      return;
    }
    const processus = await reponse.json();
    const anciennes = processus
      .map((p) => ({ cle: p.cle, n: p.versions.slice(1).reduce((s, v) => s + v.instancesEnCours, 0) }))
      .filter((p) => p.n > 0);
    texte.textContent = anciennes.length === 0
      ? 'Toutes les instances en cours sont sur la dernière version de leur processus.'
      : 'Instances en cours sur une version antérieure : '
        + anciennes.map((p) => p.cle + ' (' + p.n + ')').join(', ') + '.';
  } catch (e) {
    // Le lien reste : la page dira pourquoi.
  }
}

export default [
  {
    id: 'fabriques-versions-tableau-de-bord',
    pluginPoint: 'cockpit.dashboard',
    priority: 90,
    render: (noeud) => { resume(noeud); }
  }
];
