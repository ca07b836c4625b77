-- Withdrawal by the applicant, renunciation by a laureate, cancellation by the State (validated by a
-- second person): who asked, when, why, who validated. One cancellation request pending at a time.
create table fin_dossier (
    id            bigserial    primary key,
    dossier_id    bigint       not null references dossier (id),
    nature        varchar(16)  not null check (nature in ('RETRAIT', 'RENONCIATION', 'ANNULATION')),
    motif         text         not null check (length(trim(motif)) > 0),
    demandee_par  varchar(100) not null,
    demandee_le   timestamptz  not null,
    etat          varchar(16)  not null check (etat in ('DEMANDEE', 'VALIDEE', 'REFUSEE')),
    decidee_par   varchar(100),
    decidee_le    timestamptz,
    commentaire   text,
    -- four eyes on a cancellation: the person who validates or refuses is not the one who asked
    check (nature <> 'ANNULATION' or decidee_par is null or decidee_par <> demandee_par)
);
create unique index fin_dossier_une_demande on fin_dossier (dossier_id) where etat = 'DEMANDEE';
create index fin_dossier_dossier on fin_dossier (dossier_id);

-- The new final statuses free the SIRET like the others.
drop index dossier_un_ouvert_par_siret;
create unique index dossier_un_ouvert_par_siret on dossier (siret)
    where statut not in ('IRRECEVABLE', 'CLASSE_SANS_SUITE', 'REFUSE', 'CADUC', 'SOLDE', 'SOLDE_APRES_REVERSEMENT', 'RESILIE',
                         'RETIRE', 'RENONCE', 'ANNULE');
