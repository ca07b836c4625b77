-- 10 000 dossiers synthétiques (numéros MES-…), copiés d'un dossier déposé, pour mesurer GET /api/agents/pilotage.
with modele as (select * from dossier order by id limit 1),
     terr(i, dep, reg) as (values (0,'58','27'),(1,'23','75'),(2,'15','84'),(3,'29','53'),(4,'59','32'),(5,'13','93'),(6,'2A','94'),(7,'971','01'))
insert into dossier (numero, appel, vague, categorie, raison_sociale, siret, forme_juridique, adresse_ligne, code_postal, commune, code_insee,
  departement, region, code_qpv, contact_nom, contact_email, contact_telephone, projet_nom, projet_description, projet_services,
  projet_partenaires, projet_gouvernance, projet_etp_finances, montant_demande_1, montant_demande_2, montant_demande_3, statut, jeton_hash,
  depose_le, modifie_le)
select 'MES-2026-' || lpad(g::text, 5, '0'), m.appel, m.vague, m.categorie, m.raison_sociale, lpad((90000000000000 + g)::text, 14, '0'),
  m.forme_juridique, m.adresse_ligne, m.code_postal, m.commune, m.code_insee, t.dep, t.reg, m.code_qpv, m.contact_nom, m.contact_email,
  m.contact_telephone, m.projet_nom, m.projet_description, m.projet_services, m.projet_partenaires, m.projet_gouvernance,
  m.projet_etp_finances, m.montant_demande_1, m.montant_demande_2, m.montant_demande_3,
  (array['REFUSE','CONVENTIONNE','SOLDE','CADUC','IRRECEVABLE','CLASSE_SANS_SUITE','RENONCE','RESILIE'])[1 + g % 8], m.jeton_hash,
  now() - (g % 700) * interval '1 day', now()
from generate_series(1, 10000) g cross join modele m join terr t on t.i = g % 8;
insert into instruction (dossier_id, complet, completude_le, validation, validee_le)
select d.id, true, d.depose_le + (d.id % 30) * interval '1 day', 'VALIDEE', d.depose_le + (30 + d.id % 40) * interval '1 day'
from dossier d where d.numero like 'MES-%' on conflict do nothing;
analyze;
