-- Amendments (« avenants ») to a signed convention: amounts of the years not paid yet, a shift of the
-- convention's calendar, the beneficiary's SIRET after a restructuring. Proposed by a programme
-- manager, validated by another (four eyes, held by the table too), signed by the laureate (PDF) then
-- by the State; only then applied. Every amendment stays here, with who did what and when and the
-- SHA-256 of its PDFs: the history of the convention's versions.
create table avenant (
    id                    bigserial    primary key,
    dossier_id            bigint       not null references dossier (id),
    numero                int          not null check (numero >= 1),
    etat                  varchar(16)  not null
        check (etat in ('PROPOSE', 'REJETE', 'A_SIGNER', 'SIGNE_PORTEUR', 'APPLIQUE', 'CADUC')),
    motif                 text         not null,
    -- what changes (null: unchanged), and what it was
    montant_1_avant       int          not null,
    montant_2_avant       int          not null,
    montant_3_avant       int          not null,
    montant_1             int          check (montant_1 >= 0),
    montant_2             int          check (montant_2 >= 0),
    montant_3             int          check (montant_3 >= 0),
    decalage_mois         int          check (decalage_mois between 1 and 24),
    siret_avant           char(14)     not null,
    siret                 char(14),
    propose_par           varchar(100) not null,
    propose_le            timestamptz  not null,
    valide_par            varchar(100),
    valide_le             timestamptz,
    rejete_par            varchar(100),
    rejete_le             timestamptz,
    motif_rejet           text,
    etabli_le             timestamptz,
    pdf                   bytea,
    pdf_sha256            char(64)     check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    signe_pdf             bytea,
    signe_sha256          char(64)     check (signe_sha256 ~ '^[0-9a-f]{64}$'),
    signe_nom_original    varchar(255),
    signataire_porteur    varchar(200),
    signe_porteur_le      timestamptz,
    signe_etat_par        varchar(100),
    signe_etat_le         timestamptz,
    applique_le           timestamptz,
    -- what the amendment added to (or, negative, took from) the programme's envelope once applied
    engagement_delta      bigint       not null default 0,
    caduc_le              timestamptz,
    unique (dossier_id, numero),
    check (montant_1 is not null or decalage_mois is not null or siret is not null),
    check ((montant_1 is null) = (montant_2 is null) and (montant_2 is null) = (montant_3 is null)),
    constraint avenant_quatre_yeux check (valide_par is null or valide_par <> propose_par),
    constraint avenant_rejet_quatre_yeux check (rejete_par is null or rejete_par <> propose_par)
);

-- One amendment in progress per dossier at most, whatever the route.
create unique index avenant_un_en_cours on avenant (dossier_id) where etat in ('PROPOSE', 'A_SIGNER', 'SIGNE_PORTEUR');

-- The convention's calendar as amended: its anniversaries (payments of years 2 and 3, reports'
-- deadlines, end of the convention) move this many months later.
alter table convention add column decalage_mois int not null default 0 check (decalage_mois between 0 and 72);
