-- Every run of a rule simulation (« Simuler un changement de règle », README): who ran it, when,
-- against which candidate tables (SHA-256 of the uploaded file, or the key and version of a
-- deployed decision), over which waves, with which candidate quotas or envelope, and what it found.
-- The simulation itself reads the recorded history and writes nothing else.
create table simulation_regles (
    id                      bigserial    primary key,
    lancee_par              varchar(100) not null,
    lancee_le               timestamptz  not null,
    -- « Decision_Eligibilite » / « Decision_PoidsCriteres » tables, null when the recorded outcome is kept
    eligibilite_sha256      char(64),
    eligibilite_origine     varchar(300),
    notation_sha256         char(64),
    notation_origine        varchar(300),
    vagues                  text         not null,
    quotas_candidats        text,
    enveloppe_candidate     bigint check (enveloppe_candidate >= 0),
    dossiers_rejoues        int          not null check (dossiers_rejoues >= 0),
    dossiers_changes        int          not null check (dossiers_changes >= 0),
    laureats_sortants       int          not null check (laureats_sortants >= 0),
    laureats_entrants       int          not null check (laureats_entrants >= 0),
    duree_ms                bigint       not null check (duree_ms >= 0),
    -- the whole report (JSON): per wave and overall, the dossiers that change
    resultat                text         not null,
    check (eligibilite_sha256 is not null or notation_sha256 is not null or quotas_candidats is not null
           or enveloppe_candidate is not null)
);
create index simulation_regles_lancee_le on simulation_regles (lancee_le desc);
