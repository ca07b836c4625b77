-- A suspension that ends (README « Le programme en bref ») : the recovery decided by a gestionnaire
-- is followed until the money comes back — the amount received is recorded by one agent of the finance
-- service and validated by another — and the dossier closes with a status that says how it ended.
alter table reversement add column recu_montant        int check (recu_montant >= 0),
                        add column recu_enregistre_par varchar(100),
                        add column recu_enregistre_le  timestamptz,
                        add column recu_valide_par     varchar(100),
                        add column recu_valide_le      timestamptz;
alter table reversement add constraint reversement_recu_plafonne check (recu_montant is null or recu_montant <= montant);
alter table reversement add constraint reversement_recu_quatre_yeux
    check (recu_valide_par is null or (recu_enregistre_par is not null and recu_valide_par <> recu_enregistre_par));

-- A convention ended early (suspension without regularisation).
alter table convention drop constraint convention_statut_check;
alter table convention add constraint convention_statut_check
    check (statut in ('A_SIGNER', 'SIGNEE_PORTEUR', 'SIGNEE', 'CADUQUE', 'SOLDEE', 'RESILIEE'));

-- The new final statuses free the SIRET like the others.
drop index dossier_un_ouvert_par_siret;
create unique index dossier_un_ouvert_par_siret on dossier (siret)
    where statut not in ('IRRECEVABLE', 'CLASSE_SANS_SUITE', 'REFUSE', 'CADUC', 'SOLDE', 'SOLDE_APRES_REVERSEMENT', 'RESILIE');
