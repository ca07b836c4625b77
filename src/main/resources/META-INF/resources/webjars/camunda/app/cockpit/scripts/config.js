/*
 * Fabriques de Territoire — configuration de Camunda Cockpit (remplace celle du webjar :
 * la copie du classpath de l'application passe avant celle de la dépendance).
 * Langue : voir ../fabriques/langue.js et le README, « Interface en français ».
 */
export default {
  app: {
    // L'en-tête et le titre de la page affichent « vendor name ».
    vendor: 'Fabriques de Territoire –',
    name: 'Cockpit'
  },
  // Le français par défaut et en secours ; l'anglais reste disponible.
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // Formats moment.js, dans la langue affichée (fr.json, dateLocales). Cockpit impose les siens
  // (« normal » en ISO 8601) après avoir lu ce fichier : langue.js remet ceux-ci.
  // normal = « 03/03/2026 14:05:12 », LLLL = « mardi 3 mars 2026 à 14:05 », LL = « 3 mars 2026 ».
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'DD/MM/YYYY HH:mm:ss',
    long: 'LLLL',
    short: 'LL'
  },
  // Impose le français quelle que soit la langue du navigateur, garde le choix de l'agent ;
  // page « Programme » (onglet et entrée du tableau de bord) : README, « Pilotage dans Cockpit » ;
  // entrée « Versions des processus » du tableau de bord : README, « Nouvelle version d'un processus ».
  customScripts: ['../fabriques/langue', '../fabriques/programme-cockpit', '../fabriques/versions-cockpit']
};
