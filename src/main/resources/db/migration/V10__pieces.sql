-- Attachments of a dossier (« pièces jointes »), content included: the database stays the
-- system of record, backed up and restored with the dossiers it belongs to.
create table piece (
    id            bigserial    primary key,
    dossier_id    bigint       not null references dossier (id),
    nom_original  varchar(255) not null,
    type_mime     varchar(100) not null check (type_mime in ('application/pdf', 'image/png', 'image/jpeg',
                      'application/vnd.oasis.opendocument.text',
                      'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    taille        bigint       not null check (taille > 0),
    sha256        char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    contenu       bytea        not null,
    categorie     varchar(32)  not null check (categorie in ('STATUTS', 'BUDGET_PREVISIONNEL', 'RIB', 'LETTRE_SOUTIEN',
                      'COMPLEMENT', 'AUTRE')),
    depose_le     timestamptz  not null,
    check (octet_length(contenu) = taille),
    -- The same content is stored once per dossier, even under concurrent uploads.
    unique (dossier_id, sha256)
);
create index piece_dossier on piece (dossier_id, depose_le, id);
-- Large contents go to TOAST out of line; storage « external » skips compressing what
-- PDF, PNG, JPEG and zip-based formats already compress.
alter table piece alter column contenu set storage external;
