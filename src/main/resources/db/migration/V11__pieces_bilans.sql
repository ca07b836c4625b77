-- The annual report comes with its attachments: the activity report and the compte rendu financier.
alter table piece drop constraint if exists piece_categorie_check;
alter table piece add constraint piece_categorie_check check (categorie in ('STATUTS', 'BUDGET_PREVISIONNEL', 'RIB', 'LETTRE_SOUTIEN',
    'COMPLEMENT', 'BILAN_ACTIVITE', 'COMPTE_RENDU_FINANCIER', 'AUTRE'));
