// Un SIRET neuf et valide (14 chiffres, clé de Luhn ; jamais celui de La Poste, qui suit une autre
// règle) : chaque dépôt d'un parcours est une structure différente — SIREN compris, ses 9 premiers chiffres étant
// tirés au hasard (une seule Fabrique par entreprise : README, « Le programme en bref »).
export function siretAleatoire() {
  for (;;) {
    let d = '';
    for (let i = 0; i < 13; i++) d += Math.floor(Math.random() * 10);
    if (d.startsWith('356000000')) continue;
    for (let c = 0; c < 10; c++) {
      const s = d + c;
      let somme = 0;
      for (let i = 0; i < 14; i++) {
        let x = Number(s[13 - i]);
        if (i % 2 === 1) { x *= 2; if (x > 9) x -= 9; }
        somme += x;
      }
      if (somme % 10 === 0) return s;
    }
  }
}
