-- démarches-simplifiées (README « démarches-simplifiées », doc/adr/0012).

-- A DS dossier imported here: linked by its DS number, once (primary key), to one dossier of ours (unique).
create table ds_dossier (
    ds_numero           integer      primary key,
    ds_id               varchar(200) not null,
    demarche            integer      not null,
    dossier_id          bigint       not null unique references dossier (id),
    -- The applicant's last change of fields or files already taken here (DS dateDerniereModificationChamps).
    champs_modifies_le  timestamptz,
    importe_le          timestamptz  not null,
    mis_a_jour_le       timestamptz  not null
);

-- Polling position of each procedure: the run in progress (updatedSince, cursor) survives a restart;
-- plus_recente becomes the next run's updatedSince once the run reaches its last page.
create table ds_position (
    demarche      integer      primary key,
    depuis        timestamptz,
    curseur       varchar(500),
    plus_recente  timestamptz,
    lu_le         timestamptz
);

-- « Dossiers à reprendre »: DS dossiers not imported (or not updated) yet, with why.
create table ds_a_reprendre (
    ds_numero               integer      primary key,
    demarche                integer      not null,
    ds_id                   varchar(200) not null,
    motif                   varchar(32)  not null check (motif in ('VALIDATION', 'PIECE_EN_ATTENTE', 'SOMME_CONTROLE', 'PIECE_INFECTEE', 'ERREUR')),
    erreurs                 text         not null,
    derniere_modification   timestamptz,
    tentatives              integer      not null default 1,
    premiere_le             timestamptz  not null,
    derniere_le             timestamptz  not null,
    resolu_le               timestamptz
);

-- Outbox of the write-back to DS: one row per timeline entry that DS must show (same transaction as the entry),
-- a list of mutations done in order (faites: how many are done).
create table ds_envoi (
    id                   bigserial    primary key,
    dossier_id           bigint       references dossier (id),
    ds_numero            integer      not null,
    ds_id                varchar(200) not null,
    evenement_id         bigint       unique,
    cle                  varchar(200) unique,
    nature               varchar(64)  not null,
    actions              text         not null,
    faites               integer      not null default 0,
    etat                 varchar(16)  not null check (etat in ('A_ENVOYER', 'EN_COURS', 'FAIT', 'ECHEC')),
    tentatives           integer      not null default 0,
    prochaine_tentative  timestamptz,
    derniere_erreur      text,
    cree_le              timestamptz  not null,
    fait_le              timestamptz
);
create index ds_envoi_dus on ds_envoi (etat, prochaine_tentative);
create index ds_envoi_ordre on ds_envoi (ds_numero, id);
