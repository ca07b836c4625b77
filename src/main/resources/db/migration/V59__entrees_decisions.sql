-- What a replay of past decisions needs and was not kept (« Simuler un changement de règle », README).

-- The inputs the eligibility table was evaluated with, as JSON (variable → value): the dossier's
-- facts (montants, forme juridique, code QPV renseigné, type d'EPCI read from the reference
-- geography of that day) and the programme's figures from configuration of that day. Null for an
-- eligibility decided before this migration: a replay rebuilds those inputs from the dossier row,
-- today's reference geography and today's configuration, and says so.
alter table instruction add column eligibilite_entrees text;

-- The programme's counters as they stood when a wave's decisions were published (under the
-- programme's lock, before this wave's laureates): the quotas and envelope a replay applies to
-- that wave. A wave published before this migration has no row: a replay rebuilds them from
-- today's quotas less the later rebalancings and from the earlier waves' published decisions.
create table etat_programme_vague (
    vague                         varchar(32) primary key references vague (code),
    quota_hors_grands_centres     int    not null check (quota_hors_grands_centres >= 0),
    quota_qpv                     int    not null check (quota_qpv >= 0),
    quota_numerique_qpv           int    not null check (quota_numerique_qpv >= 0),
    laureats_hors_grands_centres  int    not null check (laureats_hors_grands_centres >= 0),
    laureats_qpv                  int    not null check (laureats_qpv >= 0),
    laureats_numerique_qpv        int    not null check (laureats_numerique_qpv >= 0),
    enveloppe                     bigint not null check (enveloppe >= 0),
    engage                        bigint not null check (engage >= 0),
    le                            timestamptz not null
);
