/*
 * Fabriques de Territoire — configuration de Camunda Tasklist (remplace celle du webjar :
 * la copie du classpath de l'application passe avant celle de la dépendance).
 * Langue : voir ../fabriques/langue.js et le README, « Interface en français ».
 */
export default {
  app: {
    // L'en-tête et le titre de la page affichent « vendor name ».
    vendor: 'Fabriques de Territoire –',
    name: 'Tasklist'
  },
  // Le français par défaut et en secours ; l'anglais reste disponible.
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // Formats moment.js, dans la langue affichée (fr.json, dateLocales) :
  // LLL = « 3 mars 2026 à 14:05 », LLLL = « mardi 3 mars 2026 à 14:05 », LL = « 3 mars 2026 ».
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  // Impose le français quelle que soit la langue du navigateur, garde le choix de l'agent ;
  // lien « Fiche du dossier » sur les cartes et dans l'en-tête de la tâche ouverte.
  customScripts: ['../fabriques/langue', '../fabriques/fiche-tasklist'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prend en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'place le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'place le curseur sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvre la fenêtre de démarrage d\'un processus'
    }
  }
};
