-- The convention's documents (PDF): the one drawn from the committee's decision, the one the
-- laureate sends back signed. One of each per dossier: the unique key is what keeps a retried
-- « Établir la convention » job, or a signature sent twice, from storing a second one.
create table document_convention (
    id            bigserial    primary key,
    dossier_id    bigint       not null references dossier (id),
    nature        varchar(16)  not null check (nature in ('GENEREE', 'SIGNEE_PORTEUR')),
    contenu       bytea        not null,
    sha256        char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    taille        int          not null check (taille > 0 and taille = octet_length(contenu)),
    type_media    varchar(64)  not null default 'application/pdf',
    nom_original  varchar(255) not null,
    -- name and quality of the person who signed for the structure (SIGNEE_PORTEUR)
    signataire    varchar(200),
    cree_le       timestamptz  not null,
    unique (dossier_id, nature),
    check (nature <> 'SIGNEE_PORTEUR' or signataire is not null)
);
