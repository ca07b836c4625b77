package fr.gouv.fabriques.application;

import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Programme;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The programme's size (« Le programme en bref » (README)): 300 Fabriques, quotas 150 / 120 / 30, an envelope
 * of 45 M€ (raised later by the recovery plan: change {@code fabriques.programme.enveloppe}).
 * Quotas are the initial split; a programme manager rebalances them afterwards (recorded).
 */
@ConfigurationProperties(prefix = "fabriques.programme")
public record ProgrammeProperties(
        @DefaultValue("300") int totalFabriques,
        @DefaultValue("150") int quotaHorsGrandsCentres,
        @DefaultValue("120") int quotaQpv,
        @DefaultValue("30") int quotaNumeriqueQpv,
        @DefaultValue("45000000") long enveloppe) {

    public Programme initial() {
        Map<Categorie, Integer> quotas = new EnumMap<>(Categorie.class);
        quotas.put(Categorie.HORS_GRANDS_CENTRES, quotaHorsGrandsCentres);
        quotas.put(Categorie.QPV, quotaQpv);
        quotas.put(Categorie.NUMERIQUE_QPV, quotaNumeriqueQpv);
        Map<Categorie, Integer> zero = new EnumMap<>(Categorie.class);
        for (Categorie c : Categorie.values()) {
            zero.put(c, 0);
        }
        if (quotaHorsGrandsCentres + quotaQpv + quotaNumeriqueQpv > totalFabriques) {
            throw new IllegalArgumentException("fabriques.programme : la somme des quotas dépasse le total de " + totalFabriques + " Fabriques");
        }
        return new Programme(totalFabriques, quotas, zero, enveloppe, 0);
    }
}
