package fr.gouv.fabriques.domain;

public enum StatutConvention {
    A_SIGNER, SIGNEE_PORTEUR, SIGNEE, CADUQUE, SOLDEE, RESILIEE
}
