-- démarches-simplifiées: a DS dossier the applicant deleted on DS after its import is flagged for agents (« dossiers à reprendre »).
alter table ds_a_reprendre drop constraint ds_a_reprendre_motif_check;
alter table ds_a_reprendre add constraint ds_a_reprendre_motif_check
    check (motif in ('VALIDATION', 'PIECE_EN_ATTENTE', 'SOMME_CONTROLE', 'PIECE_INFECTEE', 'ERREUR', 'SUPPRIME'));
