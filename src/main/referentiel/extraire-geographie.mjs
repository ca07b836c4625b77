// Derives the application's reference geography from the npm package
// @etalab/decoupage-administratif (pinned in package.json / package-lock.json) into ONE
// compact resource, src/main/resources/referentiel/communes.tsv.gz, read by
// persistence/ReferentielGeographiqueFichier. The Maven build never runs this script: the
// generated file is committed. To regenerate (README « Référentiel géographique »):
//
//   cd src/main/referentiel && npm ci && node extraire-geographie.mjs
//
// SOURCE_DATE_EPOCH (seconds), when set, fixes the date written in the header, so that
// two runs on the same package version give the same bytes.

import { createRequire } from 'node:module'
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const PAQUET = '@etalab/decoupage-administratif'
const ici = dirname(fileURLToPath(import.meta.url))
const racine = join(ici, '..', '..', '..')
const sortie = join(racine, 'src', 'main', 'resources', 'referentiel', 'communes.tsv.gz')
const require = createRequire(import.meta.url)

const paquet = require(`${PAQUET}/package.json`)
const verrou = JSON.parse(readFileSync(join(ici, 'package-lock.json'), 'utf8'))
const integrite = verrou.packages[`node_modules/${PAQUET}`]?.integrity ?? 'inconnue'
const communes = require(`${PAQUET}/data/communes.json`)
const epcis = require(`${PAQUET}/data/epci.json`)

// The programme covers metropolitan France and the five overseas départements (971–976):
// the address validator accepts only those département codes. Collectivités d'outre-mer
// (zone "com": 975, 977, 978, 984, 986, 987, 988) are left out.
const ZONES = new Set(['metro', 'drom'])
const TYPES_EPCI = new Set(['CC', 'CA', 'CU', 'METRO', 'MET69'])
const CODE = /^(\d{5}|2[AB]\d{3})$/
const CODE_POSTAL = /^\d{5}$/

function echec (message) {
  console.error(`extraire-geographie : ${message}`)
  process.exit(1)
}

function champ (valeur) {
  const texte = valeur == null ? '' : String(valeur)
  if (/[\t\r\n]/.test(texte)) echec(`valeur avec tabulation ou fin de ligne : ${JSON.stringify(texte)}`)
  return texte
}

function codesPostaux (c) {
  const liste = [...new Set(c.codesPostaux ?? [])].sort()
  for (const cp of liste) if (!CODE_POSTAL.test(cp)) echec(`code postal ${cp} de ${c.code} invalide`)
  return liste.join(',')
}

// Commune code -> its EPCI à fiscalité propre (each commune belongs to at most one).
const epciDe = new Map()
for (const e of epcis) {
  if (!TYPES_EPCI.has(e.type)) echec(`type d'EPCI inattendu ${e.type} (${e.code})`)
  for (const m of e.membres) {
    if (epciDe.has(m.code)) echec(`la commune ${m.code} appartient à deux EPCI`)
    epciDe.set(m.code, e)
  }
}

const actuelles = new Map()
for (const c of communes) {
  if (c.type === 'commune-actuelle' && ZONES.has(c.zone)) actuelles.set(c.code, c)
}

const lignes = []
for (const c of actuelles.values()) {
  if (!CODE.test(c.code)) echec(`code INSEE ${c.code} invalide`)
  if (!c.codesPostaux?.length) echec(`la commune ${c.code} ${c.nom} n'a pas de code postal`)
  const e = epciDe.get(c.code)
  lignes.push(['COM', c.code, c.nom, c.departement, c.region, codesPostaux(c), '', e?.code ?? '', e?.type ?? ''])
}
let arrondissements = 0
let anciennes = 0
for (const c of communes) {
  if (c.type === 'arrondissement-municipal') {
    const parent = actuelles.get(c.commune)
    if (!parent) echec(`arrondissement ${c.code} rattaché à une commune inconnue ${c.commune}`)
    if (!c.codesPostaux?.length) echec(`l'arrondissement ${c.code} n'a pas de code postal`)
    lignes.push(['ARM', c.code, c.nom, parent.departement, parent.region, codesPostaux(c), parent.code, '', ''])
    arrondissements++
  } else if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && !actuelles.has(c.code)) {
    // Former communes whose code is no longer a commune's: kept only to tell the applicant
    // which current commune to give; never accepted as an address.
    const parent = actuelles.get(c.chefLieu)
    if (!parent) continue
    lignes.push(['ANC', c.code, c.nom, parent.departement, parent.region, '', parent.code, '', ''])
    anciennes++
  }
}
lignes.sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1].localeCompare(b[1])))

const date = process.env.SOURCE_DATE_EPOCH
  ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000)
  : new Date()
const entete = [
  '# Référentiel géographique de Fabriques — fichier généré, ne pas modifier à la main.',
  `# Source : paquet npm ${PAQUET} ${paquet.version} (intégrité ${integrite}).`,
  '# Données : INSEE (Code officiel géographique), DGCL (EPCI à fiscalité propre), La Poste (codes postaux),',
  `#   sous Licence Ouverte / Open Licence (Etalab) ; code du paquet : licence ${paquet.license}.`,
  `# Extrait le ${date.toISOString().slice(0, 10)} ; régénérer : cd src/main/referentiel && npm ci && node extraire-geographie.mjs`,
  `# Contenu : ${actuelles.size} communes (COM, France métropolitaine et départements 971–976), ${arrondissements} arrondissements`,
  `#   municipaux (ARM), ${anciennes} anciennes communes déléguées ou associées (ANC, pour orienter le porteur).`,
  '# Colonnes, séparées par une tabulation ; codesPostaux séparés par des virgules ;',
  '#   commune = commune de rattachement (ARM, ANC) ; sirenEpci/typeEpci vides hors EPCI (COM seulement).',
  ['nature', 'code', 'nom', 'departement', 'region', 'codesPostaux', 'commune', 'sirenEpci', 'typeEpci'].join('\t')
]
const texte = entete.concat(lignes.map(l => l.map(champ).join('\t'))).join('\n') + '\n'
mkdirSync(dirname(sortie), { recursive: true })
// mtime 0 and no file name in the gzip header (Node's default): same input, same bytes.
const gz = gzipSync(Buffer.from(texte, 'utf8'), { level: 9 })
writeFileSync(sortie, gz)
console.log(`${relative(racine, sortie)} : ${lignes.length} lignes, ${texte.length} caractères, ${gz.length} octets compressés`)
