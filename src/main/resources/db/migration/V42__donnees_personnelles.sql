-- Personal data kept no longer than needed: when a dossier's contact, mails and (for a dossier
-- that was never funded) attachments were anonymized; null while they are kept.
alter table dossier add column anonymise_le timestamptz;
create index dossier_a_anonymiser on dossier (statut, modifie_le) where anonymise_le is null;
