-- What the dossier sheet (« fiche du dossier ») needs and the instruction table forgot.

-- The weights the score was computed with: analysts may change bpmn/notation-instruction.dmn
-- afterwards, and a sheet showing today's weights beside yesterday's score would not add up.
-- Null for an instruction recorded before this migration.
alter table instruction
    add column poids_gouvernance        smallint check (poids_gouvernance >= 0),
    add column poids_partenariats       smallint check (poids_partenariats >= 0),
    add column poids_besoin_local       smallint check (poids_besoin_local >= 0),
    add column poids_offre_services     smallint check (poids_offre_services >= 0),
    add column poids_modele_economique  smallint check (poids_modele_economique >= 0),
    add column poids_emploi             smallint check (poids_emploi >= 0);

-- Every decision on an instruction proposal (« Valider la proposition »), not only the last:
-- the instruction row keeps one validation, and a proposal sent back then re-instructed loses
-- the comment that sent it back.
create table validation_proposition (
    id           bigserial    primary key,
    dossier_id   bigint       not null references dossier (id),
    validee      boolean      not null,
    commentaire  text,
    par          varchar(100) not null,
    le           timestamptz  not null
);
create index validation_proposition_dossier on validation_proposition (dossier_id, le, id);

-- The validations recorded so far, from the timeline: a proposal sent back is an internal entry
-- « Proposition renvoyée à l'instructeur : {commentaire} » (ValiderProposition), a validated one is
-- shown to the applicant; its comment, if any, is still on the instruction row.
insert into validation_proposition (dossier_id, validee, commentaire, par, le)
select e.dossier_id,
       e.visible_porteur,
       case when e.visible_porteur
            then (select i.validation_commentaire from instruction i
                   where i.dossier_id = e.dossier_id and i.validation = 'VALIDEE' and i.validee_le = e.survenu_le)
            else regexp_replace(e.libelle, '^Proposition renvoyée à l''instructeur : ', '')
       end,
       coalesce(e.acteur, 'inconnu'),
       e.survenu_le
  from evenement_dossier e
 where e.type = 'VALIDATION_PROPOSITION'
 order by e.id;

-- The sheet reads a dossier's recovery orders by its id, as it reads its payments and reports.
create index reversement_dossier on reversement (dossier_id, decide_le);
