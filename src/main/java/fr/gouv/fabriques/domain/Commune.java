package fr.gouv.fabriques.domain;

import java.util.List;
import java.util.Objects;

/**
 * A current commune of the official geography (INSEE COG), as the reference geography
 * knows it: its code, name, département, région, postal codes, and the type of the EPCI
 * à fiscalité propre it belongs to ({@code CC}, {@code CA}, {@code CU}, {@code METRO},
 * {@code MET69}), null for the few communes outside any EPCI (Île-de-Sein, Ouessant…).
 *
 * <p>Looked up through an arrondissement municipal (75115, 69383, 13201…), it is the
 * commune of that arrondissement (Paris, Lyon, Marseille) with the arrondissement's own
 * postal codes: those are the ones an address in that arrondissement may carry.
 */
public record Commune(String code, String nom, String departement, String region, List<String> codesPostaux, String typeEpci) {

    public Commune {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nom);
        Objects.requireNonNull(departement);
        Objects.requireNonNull(region);
        codesPostaux = List.copyOf(codesPostaux);
    }

    public boolean aLeCodePostal(String codePostal) {
        return codesPostaux.contains(codePostal);
    }
}
