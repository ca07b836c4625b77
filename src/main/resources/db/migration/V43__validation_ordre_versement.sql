-- Four eyes on every payment, year 1 included: an order is validated by a second agent of the
-- finance service before it is issued. The database itself holds the rule, whatever the route:
-- the validator is not the orderer, and nothing is issued without a validation. Orders issued
-- before this migration (one signature) are left as they are (NOT VALID: checked on new rows
-- and updates only).
alter table versement add column valide_par   varchar(100),
                      add column valide_le    timestamptz,
                      -- the last reason an order was sent back for, shown to whoever orders it again
                      add column motif_renvoi text;

alter table versement add constraint versement_validateur_distinct
    check (valide_par is null or valide_par <> ordonnance_par);

alter table versement add constraint versement_emis_apres_validation
    check (emis_le is null or valide_le is not null) not valid;
