#!/usr/bin/env python3
"""Assemble les libellés français des applications web Camunda (Tasklist, Cockpit, Admin, Welcome).

Écrit, pour chaque application, src/main/resources/META-INF/resources/webjars/camunda/app/{app}/locales/fr.json :
  - "dateLocales" : dateLocales-fr.json (mois, jours, dates relatives, formats 24 h), à côté de ce script ;
  - "labels" : les clés du en.json du webjar Camunda, dans son ordre, avec leur traduction prise dans
    le fr.json déjà écrit (les corrections s'y font à la main), sinon dans les morceaux traduits
    ({app}-1.json, {app}-2.json… de --morceaux) ; avec --remplacer, les morceaux l'emportent.

N'écrit rien et sort en erreur (code 1) si une clé anglaise n'a pas de traduction ou si une traduction
perd un {{ paramètre }} du texte anglais ; signale les clés en trop (ignorées) et les balises HTML
différentes (avertissement).

Usage (depuis la racine du dépôt ; python3 seul, hors du build Maven) :
  python3 src/main/webapp-fr/assembler.py --morceaux DOSSIER   # ajoute les libellés traduits par morceaux
  python3 src/main/webapp-fr/assembler.py                      # réordonne / revérifie les fr.json existants
  python3 src/main/webapp-fr/assembler.py --manquants DOSSIER  # après une montée de version de Camunda :
                                                               # écrit {app}-manquants.json, les libellés
                                                               # anglais encore sans traduction
Options : --webjar CHEMIN (le .jar camunda-webapp-webjar, ou un dossier où il est décompressé ; par
défaut celui du dépôt Maven local, à la version camunda.version du pom.xml).
"""
import argparse
import json
import os
import re
import sys
import zipfile
from pathlib import Path

APPLICATIONS = ["tasklist", "cockpit", "admin", "welcome"]
ICI = Path(__file__).resolve().parent
RACINE = ICI.parent.parent.parent
CIBLE = RACINE / "src/main/resources/META-INF/resources/webjars/camunda/app"
DANS_WEBJAR = "META-INF/resources/webjars/camunda/app/{app}/locales/en.json"
PARAMETRE = re.compile(r"\{\{.*?\}\}", re.S)
BALISE = re.compile(r"</?[a-zA-Z][^>]*>")


def version_camunda():
    pom = (RACINE / "pom.xml").read_text(encoding="utf-8")
    return re.search(r"<camunda\.version>([^<]+)</camunda\.version>", pom).group(1)


def webjar_par_defaut():
    v = version_camunda()
    depot = Path(os.environ.get("MAVEN_REPO", Path.home() / ".m2/repository"))
    return depot / f"org/camunda/bpm/webapp/camunda-webapp-webjar/{v}/camunda-webapp-webjar-{v}.jar"


def lire_json(octets):
    # Les en.json de Camunda commencent par une marque d'ordre d'octets (BOM) UTF-8.
    return json.loads(octets.decode("utf-8-sig"))


def anglais(webjar, app):
    chemin = DANS_WEBJAR.format(app=app)
    if webjar.is_dir():
        return lire_json((webjar / chemin).read_bytes())["labels"]
    with zipfile.ZipFile(webjar) as jar:
        return lire_json(jar.read(chemin))["labels"]


def morceaux(dossier, app):
    """Les traductions des morceaux {app}-N.json, dans l'ordre de N."""
    traduit = {}
    if dossier is None:
        return traduit
    numerotes = []
    for f in Path(dossier).glob(f"{app}-*.json"):
        m = re.fullmatch(re.escape(app) + r"-(\d+)\.json", f.name)
        if m:
            numerotes.append((int(m.group(1)), f))
    for _, f in sorted(numerotes):
        traduit.update(lire_json(f.read_bytes()))
    return traduit


def parametres(texte):
    return sorted(re.sub(r"\s+", "", p) for p in PARAMETRE.findall(texte))


def balises(texte):
    return sorted(re.sub(r"\s+", " ", b) for b in BALISE.findall(texte))


def assembler(app, en, traductions, erreurs, avertissements):
    labels = {}
    for cle, texte in en.items():
        if cle not in traductions or not isinstance(traductions[cle], str):
            erreurs.append(f"{app} : clé sans traduction : {cle}")
            continue
        fr = traductions[cle]
        perdus = [p for p in parametres(texte) if p not in parametres(fr)]
        if perdus:
            erreurs.append(f"{app} : {cle} : paramètre(s) absent(s) de la traduction : {', '.join(perdus)}")
        if balises(texte) != balises(fr):
            avertissements.append(f"{app} : {cle} : balises HTML différentes de l'anglais")
        labels[cle] = fr
    for cle in traductions:
        if cle not in en:
            avertissements.append(f"{app} : clé inconnue de Camunda, ignorée : {cle}")
    return labels


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--morceaux", help="dossier des morceaux traduits ({app}-N.json)")
    p.add_argument("--webjar", help="camunda-webapp-webjar-*.jar, ou son contenu décompressé")
    p.add_argument("--remplacer", action="store_true", help="les morceaux remplacent les traductions déjà écrites")
    p.add_argument("--manquants", help="écrire dans ce dossier les libellés anglais sans traduction, et s'arrêter")
    args = p.parse_args()

    webjar = Path(args.webjar) if args.webjar else webjar_par_defaut()
    if not webjar.exists():
        sys.exit(f"webjar introuvable : {webjar} (./mvnw dependency:resolve, ou --webjar)")
    date_locales = json.loads((ICI / "dateLocales-fr.json").read_text(encoding="utf-8"))

    erreurs, avertissements, sorties = [], [], {}
    for app in APPLICATIONS:
        en = anglais(webjar, app)
        fr_json = CIBLE / app / "locales/fr.json"
        deja = lire_json(fr_json.read_bytes())["labels"] if fr_json.exists() else {}
        nouvelles = morceaux(args.morceaux, app)
        traductions = {**deja, **nouvelles} if args.remplacer else {**nouvelles, **deja}
        if args.manquants:
            reste = {k: v for k, v in en.items() if k not in traductions}
            Path(args.manquants).mkdir(parents=True, exist_ok=True)
            if reste:
                f = Path(args.manquants) / f"{app}-manquants.json"
                f.write_text(json.dumps(reste, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                print(f"{f} : {len(reste)} libellé(s) à traduire")
            continue
        labels = assembler(app, en, traductions, erreurs, avertissements)
        sorties[fr_json] = {"dateLocales": date_locales, "labels": labels}
        print(f"{app} : {len(labels)}/{len(en)} libellés")

    if args.manquants:
        return 0
    for a in avertissements:
        print("attention :", a, file=sys.stderr)
    if erreurs:
        for e in erreurs:
            print("ERREUR :", e, file=sys.stderr)
        print(f"{len(erreurs)} erreur(s) : aucun fichier écrit.", file=sys.stderr)
        return 1
    for fichier, contenu in sorties.items():
        fichier.parent.mkdir(parents=True, exist_ok=True)
        fichier.write_text(json.dumps(contenu, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"écrit : {fichier.relative_to(RACINE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
