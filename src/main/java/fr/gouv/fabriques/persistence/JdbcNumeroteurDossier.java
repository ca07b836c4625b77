package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.NumeroteurDossier;
import fr.gouv.fabriques.domain.Appel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** FDT-2026-0001, FDT-2026-0002…: the counter row is locked by the upsert until the deposit commits. */
@Repository
class JdbcNumeroteurDossier implements NumeroteurDossier {

    private final JdbcClient jdbc;

    JdbcNumeroteurDossier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String prochain(Appel appel, int annee) {
        int n = jdbc.sql("""
                insert into compteur_numero (prefixe, annee, dernier) values (?, ?, 1)
                on conflict (prefixe, annee) do update set dernier = compteur_numero.dernier + 1
                returning dernier
                """).param(appel.prefixe()).param(annee).query(Integer.class).single();
        return String.format("%s-%d-%04d", appel.prefixe(), annee, n);
    }
}
