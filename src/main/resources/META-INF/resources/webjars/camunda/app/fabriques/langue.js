/*
 * Fabriques de Territoire — langue des applications web Camunda (Tasklist, Cockpit, Admin,
 * Welcome). Chargé par « customScripts » dans le scripts/config.js de chaque application.
 *
 * Camunda 7.24 choisit la langue d'après le navigateur (navigator.languages[0]) parmi
 * locales.availableLocales, et ne prend fallbackLocale que si elle n'y figure pas : un
 * navigateur réglé en anglais aurait l'interface en anglais. Les applications n'offrent aucun
 * choix de langue. Ici le français l'emporte toujours, sauf choix explicite de l'agent :
 *   - le lien « English » / « Français » du pied de page,
 *   - ou ?langue=en (?langue=fr pour revenir) dans l'adresse, avant le « # ».
 * Le choix est gardé dans le navigateur (localStorage, clé « fabriques.langue ») et vaut pour
 * les quatre applications.
 *
 * Comment : Camunda importe ce module après avoir créé le module AngularJS de l'application et
 * avant de la démarrer ; le bloc « config » ajouté ici s'exécute donc après celui de Camunda
 * (determinePreferredLanguage) et remplace la langue qu'il a déduite du navigateur.
 */
const CLE = 'fabriques.langue';
const LANGUES = ['fr', 'en'];
const PAR_DEFAUT = 'fr';

function lireStockage() {
  try {
    return window.localStorage.getItem(CLE);
  } catch (e) {
    return null;
  }
}

function ecrireStockage(langue) {
  try {
    window.localStorage.setItem(CLE, langue);
  } catch (e) {
    // Stockage refusé (navigation privée stricte) : le choix vaut pour cette page seulement.
  }
}

/** ?langue=xx dans l'adresse (partie « search », ou après le « # » pour les routes AngularJS). */
function langueDemandee() {
  const parametres = [window.location.search];
  const diese = window.location.hash.indexOf('?');
  if (diese >= 0) {
    parametres.push(window.location.hash.substring(diese));
  }
  for (const p of parametres) {
    const langue = new URLSearchParams(p).get('langue');
    if (LANGUES.includes(langue)) {
      return langue;
    }
  }
  return null;
}

/** Retire ?langue=… de l'adresse affichée, sans recharger. */
function nettoyerAdresse() {
  try {
    const adresse = new URL(window.location.href);
    if (adresse.searchParams.has('langue')) {
      adresse.searchParams.delete('langue');
      window.history.replaceState(window.history.state, '', adresse.toString());
    }
  } catch (e) {
    // Sans conséquence : le paramètre reste visible.
  }
}

export function choisirLangue() {
  const demandee = langueDemandee();
  if (demandee) {
    ecrireStockage(demandee);
    nettoyerAdresse();
    return demandee;
  }
  const gardee = lireStockage();
  return LANGUES.includes(gardee) ? gardee : PAR_DEFAUT;
}

const langue = choisirLangue();
const nomApplication = document.querySelector('base').getAttribute('app-name'); // tasklist, cockpit…
const configuration =
  window['cam' + nomApplication.charAt(0).toUpperCase() + nomApplication.slice(1) + 'Conf'] || {};

document.documentElement.lang = langue;
if (configuration.app && configuration.app.vendor && configuration.app.name) {
  // Le titre définitif est posé par l'en-tête une fois l'application démarrée ; celui-ci évite
  // « Camunda Tasklist » pendant le chargement.
  document.title = configuration.app.vendor + ' ' + configuration.app.name;
}

const autre = langue === 'fr'
  ? { code: 'en', libelle: 'English' }
  : { code: 'fr', libelle: 'Français' };
const lienAutreLangue =
  '<div class="fabriques-langue"><a href="?langue=' + autre.code + '" lang="' + autre.code +
  '" hreflang="' + autre.code + '">' + autre.libelle + '</a></div>';

window.angular.module('cam.' + nomApplication).config([
  '$translateProvider',
  'camDateFormatProvider',
  'configurationProvider',
  '$provide',
  function ($translateProvider, camDateFormatProvider, configurationProvider, $provide) {
    $translateProvider.preferredLanguage(langue);
    // La langue de secours est aussi la langue affichée : pour un agent en anglais, fr.json n'est
    // pas chargé, et ses dateLocales ne deviennent pas celles de moment.js (dates en français
    // dans une interface en anglais).
    $translateProvider.fallbackLanguage(langue);

    // Cockpit fixe ses propres formats de date après avoir lu config.js : remettre ceux de config.js.
    for (const nom of ['monthName', 'day', 'abbr', 'normal', 'long', 'short']) {
      camDateFormatProvider.setDateFormat(configurationProvider.getDateFormat(nom), nom);
    }

    // Le lien vers l'autre langue, au pied de page.
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
      const pied = $delegate[0];
      if (typeof pied.template === 'string' && pied.template.indexOf('fabriques-langue') < 0) {
        pied.template += lienAutreLangue;
      }
      return $delegate;
    }]);
  }
]);
