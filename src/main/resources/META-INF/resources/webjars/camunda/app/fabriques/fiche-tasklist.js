/*
 * Fabriques de Territoire — lien « Fiche du dossier » dans Tasklist, vers la page imprimable
 * /agents/dossiers/{numero} (ouverte avec la session Tasklist) :
 *   - sur chaque carte de la liste qui montre la colonne « Dossier » (variable numero du filtre),
 *   - dans l'en-tête de la tâche ouverte, si la tâche porte un dossier (variable locale numero,
 *     posée sur chaque tâche d'un dossier ; une tâche de vague n'en a pas : pas de lien).
 * Chargé par « customScripts » dans tasklist/scripts/config.js. Sans framework ni ressource
 * externe : un MutationObserver repasse sur la page quand AngularJS la redessine.
 */
const CLASSE = 'fabriques-fiche';
const NUMERO = /^[A-Z]{2,5}-\d{4}-\d+$/;
const base = document.querySelector('base');
const racineApi = (base.getAttribute('app-root') || '/camunda') + '/api/engine/engine/' + (base.getAttribute('engine-name') || 'default');
const numerosDesTaches = new Map(); // id de tâche → numéro (ou null), promesse pendant la lecture

function lien(numero) {
  const a = document.createElement('a');
  a.className = CLASSE;
  a.href = '/agents/dossiers/' + encodeURIComponent(numero);
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = 'Fiche du dossier';
  a.title = 'Fiche complète du dossier ' + numero + ' (nouvel onglet)';
  a.dataset.numero = numero;
  // La carte s'ouvre au clic (ng-click du parent) : le lien n'ouvre que la fiche.
  a.addEventListener('click', (e) => e.stopPropagation());
  return a;
}

function numeroDeLaCarte(carte) {
  for (const item of carte.querySelectorAll('.variable-item')) {
    const libelle = item.querySelector('.variable-label');
    const valeur = item.querySelector('.variable-value');
    if (libelle && valeur && /^\s*Dossier\s*:?\s*$/.test(libelle.textContent)) {
      const numero = valeur.textContent.trim();
      return NUMERO.test(numero) ? numero : null;
    }
  }
  return null;
}

function placer(conteneur, numero, apres) {
  const present = conteneur.querySelector(':scope > .' + CLASSE);
  if (present && present.dataset.numero === numero) return;
  if (present) present.remove();
  if (numero) conteneur.insertBefore(lien(numero), apres ? apres.nextSibling : null);
}

function cartes() {
  for (const carte of document.querySelectorAll('.tasks-list > li.task')) {
    const noms = carte.querySelector('.names');
    if (noms) placer(noms, numeroDeLaCarte(carte), null);
  }
}

function idTacheOuverte() {
  const i = window.location.hash.indexOf('?');
  return i < 0 ? null : new URLSearchParams(window.location.hash.substring(i + 1)).get('task');
}

function entete() {
  const noms = document.querySelector('[cam-tasklist-task] section.task-card > header .names');
  const id = idTacheOuverte();
  if (!noms || !id) return;
  const connu = numerosDesTaches.get(id);
  if (connu === undefined) {
    // Lecture seule avec la session Tasklist (GET, sans jeton CSRF) ; une seule fois par tâche.
    numerosDesTaches.set(id, fetch(racineApi + '/task/' + encodeURIComponent(id) + '/localVariables?deserializeValues=false',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : {}))
      .then((variables) => {
        const v = variables.numero && variables.numero.value;
        numerosDesTaches.set(id, typeof v === 'string' && NUMERO.test(v) ? v : null);
      }, () => numerosDesTaches.delete(id))
      .then(planifier));
    return;
  }
  if (connu instanceof Promise) return;
  placer(noms, connu, noms.querySelector('h2.task'));
}

let prevu = false;
function planifier() {
  if (prevu) return;
  prevu = true;
  window.requestAnimationFrame(() => {
    prevu = false;
    cartes();
    entete();
  });
}

new MutationObserver(planifier).observe(document.body, { childList: true, subtree: true, characterData: true });
window.addEventListener('hashchange', planifier);
planifier();
