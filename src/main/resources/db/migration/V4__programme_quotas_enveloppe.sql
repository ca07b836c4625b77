-- The programme's quotas and envelope, cumulative across waves, on ONE row: every publication locks
-- it, and the CHECK constraints make it impossible — whatever the code does, however many
-- committees publish at once — to count more laureates than a quota or commit more than the envelope.
create table programme (
    id                              smallint primary key check (id = 1),
    total_fabriques                 int    not null,
    quota_hors_grands_centres       int    not null check (quota_hors_grands_centres >= 0),
    quota_qpv                       int    not null check (quota_qpv >= 0),
    quota_numerique_qpv             int    not null check (quota_numerique_qpv >= 0),
    laureats_hors_grands_centres    int    not null default 0,
    laureats_qpv                    int    not null default 0,
    laureats_numerique_qpv          int    not null default 0,
    enveloppe                       bigint not null,
    engage                          bigint not null default 0,
    constraint programme_total_quotas check (quota_hors_grands_centres + quota_qpv + quota_numerique_qpv <= total_fabriques),
    constraint programme_quota_hors_grands_centres check (laureats_hors_grands_centres between 0 and quota_hors_grands_centres),
    constraint programme_quota_qpv check (laureats_qpv between 0 and quota_qpv),
    constraint programme_quota_numerique_qpv check (laureats_numerique_qpv between 0 and quota_numerique_qpv),
    constraint programme_enveloppe check (engage between 0 and enveloppe)
);

create table reequilibrage_quota (
    id          bigserial primary key,
    de          varchar(32)  not null,
    vers        varchar(32)  not null,
    nombre      int          not null check (nombre > 0),
    motif       text         not null check (length(trim(motif)) > 0),
    decide_par  varchar(100) not null,
    decide_le   timestamptz  not null
);

-- Committee decisions are proposed by the committee, then published by a programme manager.
alter table decision_comite
    add column etat        varchar(16) not null default 'PUBLIEE' check (etat in ('PROPOSEE', 'PUBLIEE')),
    add column engagement  bigint      not null default 0,
    add column publiee_par varchar(100),
    add column publiee_le  timestamptz;
create unique index decision_comite_une_proposition on decision_comite (dossier_id, vague) where etat = 'PROPOSEE';

-- What a laureate committed, given back if its grant lapses (released once).
alter table convention add column engagement_libere boolean not null default false;

alter table vague add column processus_demarre boolean not null default false;
