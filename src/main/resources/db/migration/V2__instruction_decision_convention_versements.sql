-- What each phase decides is recorded here; process variables only carry ids and routing facts.

create table instruction (
    dossier_id            bigint primary key references dossier (id),
    complet               boolean,
    pieces_manquantes     text,
    completude_par        varchar(100),
    completude_le         timestamptz,
    avis_territorial      varchar(16) check (avis_territorial in ('FAVORABLE', 'RESERVE', 'DEFAVORABLE')),
    avis_commentaire      text,
    avis_absent           boolean not null default false,
    avis_par              varchar(100),
    avis_le               timestamptz,
    proposition           varchar(16) check (proposition in ('FAVORABLE', 'RESERVE', 'DEFAVORABLE')),
    proposition_motif     text,
    montant_propose_1     int,
    montant_propose_2     int,
    montant_propose_3     int,
    instruit_par          varchar(100),
    instruit_le           timestamptz,
    validation            varchar(16) check (validation in ('VALIDEE', 'A_REVOIR')),
    validation_commentaire text,
    validee_par           varchar(100),
    validee_le            timestamptz,
    motifs_irrecevabilite text
);

create table decision_comite (
    id          bigserial primary key,
    dossier_id  bigint      not null references dossier (id),
    vague       varchar(32) not null references vague (code),
    decision    varchar(16) not null check (decision in ('LAUREAT', 'REFUSE', 'AJOURNE')),
    montant_1   int,
    montant_2   int,
    montant_3   int,
    motivation  text,
    decide_par  varchar(100) not null,
    decide_le   timestamptz  not null,
    check (decision <> 'LAUREAT' or (montant_1 is not null and montant_2 is not null and montant_3 is not null)),
    check (decision <> 'REFUSE' or length(trim(motivation)) > 0)
);
create index decision_comite_dossier on decision_comite (dossier_id, decide_le);

create table convention (
    dossier_id            bigint primary key references dossier (id),
    montant_1             int not null,
    montant_2             int not null,
    montant_3             int not null,
    supplement_numerique  int not null default 0,
    generee_le            timestamptz not null,
    signee_porteur_le     timestamptz,
    signee_etat_le        timestamptz,
    signataire_etat       varchar(100),
    statut                varchar(16) not null check (statut in ('A_SIGNER', 'SIGNEE_PORTEUR', 'SIGNEE', 'CADUQUE', 'SOLDEE'))
);

-- A payment is issued once per convention and year: the unique key is the guarantee.
create table versement (
    id              bigserial primary key,
    dossier_id      bigint      not null references dossier (id),
    annee           int         not null check (annee between 1 and 3),
    montant         int         not null check (montant > 0),
    ordonnance_par  varchar(100),
    ordonnance_le   timestamptz,
    emis_le         timestamptz,
    reference       varchar(40) unique,
    unique (dossier_id, annee)
);

create table bilan (
    id            bigserial primary key,
    dossier_id    bigint      not null references dossier (id),
    annee         int         not null check (annee between 1 and 3),
    depose_le     timestamptz not null,
    commentaire   text,
    decision      varchar(16) check (decision in ('APPROUVE', 'CORRECTIONS', 'REJETE')),
    decision_motif text,
    decide_par    varchar(100),
    decide_le     timestamptz,
    unique (dossier_id, annee)
);

-- A rejected report suspends payments; the programme manager may order the recovery of sums paid.
create table reversement (
    id           bigserial primary key,
    dossier_id   bigint       not null references dossier (id),
    montant      int          not null check (montant >= 0),
    motif        text         not null check (length(trim(motif)) > 0),
    decide_par   varchar(100) not null,
    decide_le    timestamptz  not null
);
