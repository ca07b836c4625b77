-- The application's own tables (Camunda owns its ACT_* tables).

create table vague (
    code          varchar(32) primary key,
    appel         varchar(32) not null check (appel in ('FABRIQUES_TERRITOIRE', 'FABRIQUES_NUMERIQUES')),
    date_limite   timestamptz not null,
    date_comite   date,
    etat          varchar(16) not null check (etat in ('OUVERTE', 'CLOSE', 'DELIBEREE')),
    cree_le       timestamptz not null default now()
);

-- Human-readable dossier numbers (FDT-2026-0001): one counter per call prefix and year.
create table compteur_numero (
    prefixe  varchar(8) not null,
    annee    int        not null,
    dernier  int        not null,
    primary key (prefixe, annee)
);

create table dossier (
    id                   bigserial primary key,
    numero               varchar(32)  not null unique,
    appel                varchar(32)  not null,
    vague                varchar(32)  not null references vague (code),
    categorie            varchar(32)  not null check (categorie in ('HORS_GRANDS_CENTRES', 'QPV', 'NUMERIQUE_QPV')),
    raison_sociale       varchar(200) not null,
    siret                char(14)     not null,
    forme_juridique      varchar(32)  not null,
    adresse_ligne        varchar(200) not null,
    code_postal          char(5)      not null,
    commune              varchar(100) not null,
    code_insee           char(5)      not null,
    departement          varchar(3)   not null,
    region               varchar(3)   not null,
    code_qpv             varchar(16),
    contact_nom          varchar(100) not null,
    contact_email        varchar(254) not null,
    contact_telephone    varchar(20)  not null,
    projet_nom           varchar(200) not null,
    projet_description   text         not null,
    projet_services      text         not null,
    projet_partenaires   text,
    projet_gouvernance   text,
    projet_etp_finances  numeric(5, 2) not null,
    montant_demande_1    int not null check (montant_demande_1 >= 0),
    montant_demande_2    int not null check (montant_demande_2 >= 0),
    montant_demande_3    int not null check (montant_demande_3 >= 0),
    statut               varchar(32)  not null,
    jeton_hash           char(64)     not null,
    depose_le            timestamptz  not null,
    modifie_le           timestamptz  not null,
    version              int          not null default 0
);

-- One open application per SIRET at a time (« Le programme en bref » (README)): enforced by the database too.
create unique index dossier_un_ouvert_par_siret on dossier (siret)
    where statut not in ('IRRECEVABLE', 'CLASSE_SANS_SUITE', 'REFUSE', 'CADUC', 'SOLDE');
create index dossier_vague on dossier (vague, statut);

-- The dossier's timeline: what happened, who did it, and whether the applicant sees it.
create table evenement_dossier (
    id               bigserial primary key,
    dossier_id       bigint       not null references dossier (id),
    type             varchar(48)  not null,
    libelle          varchar(500) not null,
    visible_porteur  boolean      not null,
    acteur           varchar(100),
    survenu_le       timestamptz  not null
);
create index evenement_dossier_dossier on evenement_dossier (dossier_id, survenu_le);

-- A retried deposit with the same Idempotency-Key gets the first response back, token included:
-- the token is kept in clear only here, and only for the retry window (purged afterwards).
create table depot_idempotent (
    cle             varchar(200) primary key,
    empreinte       char(64)     not null,
    dossier_id      bigint       not null references dossier (id),
    numero          varchar(32)  not null,
    jeton_acces     varchar(64)  not null,
    vague           varchar(32)  not null,
    cree_le         timestamptz  not null
);
create index depot_idempotent_cree_le on depot_idempotent (cree_le);
