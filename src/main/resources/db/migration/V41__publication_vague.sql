-- The outcome of a wave's publication (« Arrêter les décisions »), done by a background job:
-- what was published, or why it was refused. One row per wave, rewritten at each attempt.
create table publication_vague (
    vague        varchar(32) primary key references vague (code),
    demandee_par varchar(128) not null,
    etat         varchar(16)  not null check (etat in ('PUBLIEE', 'REFUSEE')),
    le           timestamptz  not null,
    laureats     int          not null default 0 check (laureats >= 0),
    refuses      int          not null default 0 check (refuses >= 0),
    ajournes     int          not null default 0 check (ajournes >= 0),
    reportes     int          not null default 0 check (reportes >= 0),
    engagement   bigint       not null default 0 check (engagement >= 0),
    refus        text,
    check ((etat = 'REFUSEE') = (refus is not null))
);

