-- « Une Fabrique par structure » (README « Le programme en bref ») judged on the company (SIREN, the
-- first 9 digits of the SIRET): a deposit is refused while another dossier of the same SIREN is open,
-- or once one was funded. Deposits of one SIREN are serialised by a transaction-level advisory lock
-- (DeposerDossier); this index serves the check.
create index dossier_siren on dossier (substr(siret, 1, 9));

-- A programme manager's exception for one company, with its reason (e.g. a second tiers-lieu of a
-- network). It admits exactly one deposit: dossier_id is set once, by that deposit's transaction.
create table derogation_siren (
    id              bigserial     primary key,
    siren           char(9)       not null check (siren ~ '^[0-9]{9}$'),
    motif           varchar(2000) not null check (btrim(motif) <> ''),
    raison_sociale  varchar(200),
    accordee_par    varchar(100)  not null,
    accordee_le     timestamptz   not null,
    dossier_id      bigint        unique references dossier (id),
    utilisee_le     timestamptz,
    check ((dossier_id is null) = (utilisee_le is null))
);
create index derogation_siren_disponible on derogation_siren (siren, accordee_le, id) where dossier_id is null;
