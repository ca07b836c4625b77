-- The programme's calendar: a programme manager moves a wave's deposit deadline later
-- (PUT /api/agents/vagues/{code}/date-limite). Who, when, why, from what to what (and the
-- committee date when it moves with it). A deadline only moves later; the database holds it too.
create table report_date_limite_vague (
    id                   bigserial primary key,
    vague                varchar(32) not null references vague (code),
    ancienne_date_limite timestamptz not null,
    nouvelle_date_limite timestamptz not null,
    ancienne_date_comite date,
    nouvelle_date_comite date,
    motif                text not null check (length(btrim(motif)) > 0),
    decide_par           varchar(100) not null,
    le                   timestamptz not null,
    constraint report_date_limite_recule check (nouvelle_date_limite > ancienne_date_limite)
);

create index report_date_limite_vague_vague on report_date_limite_vague (vague);
