-- Which version of an analyst's DMN table made each decision of a dossier: the eligibility
-- (bpmn/eligibilite.dmn) and the scoring grid of the instruction's proposal (bpmn/notation-instruction.dmn).
-- *_decision: the engine's decision definition id (key:version:uuid); *_version: its version number.
alter table instruction
    add column eligibilite_decision             varchar(255),
    add column eligibilite_version              int,
    add column notation_poids_decision          varchar(255),
    add column notation_poids_version           int,
    add column notation_recommandation_decision varchar(255),
    add column notation_recommandation_version  int;
