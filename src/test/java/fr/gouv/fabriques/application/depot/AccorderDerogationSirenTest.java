package fr.gouv.fabriques.application.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.port.DerogationSirenRepository;
import fr.gouv.fabriques.domain.DerogationSiren;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccorderDerogationSirenTest {

    private final List<DerogationSiren> enregistrees = new ArrayList<>();
    private final DerogationSirenRepository depot = new DerogationSirenRepository() {
        @Override
        public DerogationSiren ajouter(String siren, String motif, String raisonSociale, String accordeePar, Instant accordeeLe) {
            DerogationSiren d = new DerogationSiren(enregistrees.size() + 1, siren, motif, raisonSociale, accordeePar, accordeeLe, null, null);
            enregistrees.add(d);
            return d;
        }

        @Override
        public Optional<DerogationSiren> parId(long id) {
            return enregistrees.stream().filter(d -> d.id() == id).findFirst();
        }

        @Override
        public Optional<DerogationSiren> disponiblePour(String siren) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void utiliser(long id, long dossierId, Instant le) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DerogationSiren> lister(Optional<String> siren) {
            return enregistrees;
        }
    };
    private final Instant maintenant = Instant.parse("2026-03-02T09:00:00Z");
    private final AccorderDerogationSiren accorder = new AccorderDerogationSiren(depot, Clock.fixed(maintenant, ZoneOffset.UTC));

    @Test
    void laDerogationEnregistreQuiQuandPourquoi() {
        DerogationSiren d = accorder.accorder("732829320", "  Second tiers-lieu du réseau  ", " Réseau des Fabriques ", "gestionnaire");
        assertThat(d.siren()).isEqualTo("732829320");
        assertThat(d.motif()).isEqualTo("Second tiers-lieu du réseau");
        assertThat(d.raisonSociale()).isEqualTo("Réseau des Fabriques");
        assertThat(d.accordeePar()).isEqualTo("gestionnaire");
        assertThat(d.accordeeLe()).isEqualTo(maintenant);
        assertThat(d.utilisee()).isFalse();
    }

    @Test
    void chaqueChampInvalideEstNommeEtRienNEstEnregistre() {
        assertThatThrownBy(() -> accorder.accorder("732829321", "   ", "x".repeat(201), "gestionnaire"))
                .isInstanceOf(ErreursValidation.class)
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).extracting(Violation::champ)
                        .containsExactly("siren", "motif", "raisonSociale"));
        assertThatThrownBy(() -> accorder.accorder(null, null, null, "gestionnaire"))
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).extracting(Violation::champ).containsExactly("siren", "motif"));
        assertThatThrownBy(() -> accorder.accorder("732829320", "m".repeat(2001), null, "gestionnaire"))
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("2000").contains("2001")));
        assertThat(enregistrees).isEmpty();
        assertThat(accorder.accorder("732829320", "m".repeat(2000), null, "gestionnaire").raisonSociale()).isNull();
    }
}
