-- Running instances moved to another version of their process (README « Nouvelle version d'un processus :
-- migrer les dossiers en cours », ADR 0016): who, when, why, from which version to which, how many, and
-- the engine's batch that does it (its progress is read from the engine, not copied here).
create table migration_processus (
    id                bigserial primary key,
    cle               varchar(100)  not null,
    definition_source varchar(255)  not null,
    version_source    int           not null,
    definition_cible  varchar(255)  not null,
    version_cible     int           not null check (version_cible <> version_source),
    nombre_instances  int           not null check (nombre_instances > 0),
    instances         text          not null,
    cles_metier       text          not null,
    batch_id          varchar(64)   not null unique,
    motif             varchar(2000) not null,
    lancee_par        varchar(255)  not null,
    lancee_le         timestamptz   not null
);
create index migration_processus_lancee_le on migration_processus (lancee_le desc);
