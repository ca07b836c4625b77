// Lancement du Chromium de Debian (pas de navigateur téléchargé par Playwright) avec les
// options sans téléchargement ni service réseau (ci-dessous) et un profil neuf, supprimé à la fermeture.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const OPTIONS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function cheminChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium introuvable : apt-get install -y chromium (ou CHROMIUM=/chemin/vers/chromium)');
  }
}

/**
 * Un contexte Chromium sur un --user-data-dir neuf. Playwright refuse « --user-data-dir »
 * dans args : le profil neuf lui est donc donné par launchPersistentContext, qui le passe
 * au navigateur sous ce nom. `langue` : langue du navigateur (navigator.languages, Accept-Language),
 * `fuseau` : son fuseau horaire.
 */
export async function ouvrirChromium({ largeur = 1400, hauteur = 1000, langue = 'fr-FR', fuseau = 'Europe/Paris' } = {}) {
  const profil = mkdtempSync(join(tmpdir(), 'fabriques-chromium-'));
  const contexte = await chromium.launchPersistentContext(profil, {
    executablePath: cheminChromium(),
    headless: true,
    args: OPTIONS_CHROMIUM,
    viewport: { width: largeur, height: hauteur },
    locale: langue,
    timezoneId: fuseau,
  });
  const fermer = async () => {
    try {
      await contexte.close();
    } finally {
      rmSync(profil, { recursive: true, force: true });
    }
  };
  return { contexte, fermer, profil };
}
