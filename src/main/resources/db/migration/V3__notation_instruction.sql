-- Scored instruction: one score per published criterion, the weighted total and the declaration of no conflict of interest.
alter table instruction
    add column note_gouvernance        smallint check (note_gouvernance between 0 and 5),
    add column note_partenariats       smallint check (note_partenariats between 0 and 5),
    add column note_besoin_local       smallint check (note_besoin_local between 0 and 5),
    add column note_offre_services     smallint check (note_offre_services between 0 and 5),
    add column note_modele_economique  smallint check (note_modele_economique between 0 and 5),
    add column note_emploi             smallint check (note_emploi between 0 and 5),
    add column score_total             numeric(4, 1) check (score_total between 0 and 100),
    add column absence_conflit_interets boolean;
