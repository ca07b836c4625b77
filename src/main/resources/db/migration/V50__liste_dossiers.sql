-- The dossiers list for agents (README « Tous les dossiers et exports »).

-- Text search on the structure's name, its SIRET or the dossier's number, whatever the case and the
-- accents: this column holds them without diacritics (œ, æ spelt out) and in lower case (translate()
-- before lower(), which only lowers ASCII under the C locale); the searched text is normalised the same
-- way (FiltreDossiers#normaliser), then « like '%…%' ». Written by the database itself, so that no route
-- (deposit, anonymisation, amendment of the SIRET) forgets it. A few thousand dossiers are scanned in
-- milliseconds: no trigram index (pg_trgm is an extension a managed PostgreSQL may not allow).
alter table dossier add column recherche text generated always as (
    lower(translate(
        replace(replace(replace(replace(numero || ' ' || siret::text || ' ' || raison_sociale, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ',
        'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY'))) stored;

-- The list's usual filters and orders (status and wave already have dossier_vague (vague, statut)).
create index dossier_statut on dossier (statut);
create index dossier_departement on dossier (departement);
create index dossier_depose_le on dossier (depose_le);
