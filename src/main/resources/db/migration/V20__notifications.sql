-- Outbox of the applicants' e-mails. A row is written in the transaction of the step it
-- announces (with its timeline entry), so a step that rolls back leaves no mail behind, and
-- the unique key on the timeline entry means one mail per step, whatever retries the jobs do.
-- The sender (EnvoyerCourriels) claims due rows with FOR UPDATE SKIP LOCKED, sends over SMTP,
-- then records the outcome.
--
--   A_ENVOYER --claim--> EN_COURS --accepted by SMTP--> ENVOYE
--       ^                  |   \--SMTP error, attempts left--> A_ENVOYER (later, with backoff)
--       |                  \------SMTP error, no attempt left--> ECHEC
--       +-- EN_COURS whose lease ran out (the node died while sending) is claimed again.
create table notification (
    id                   bigserial    primary key,
    dossier_id           bigint       not null references dossier (id),
    evenement_id         bigint       not null unique references evenement_dossier (id),
    type                 varchar(48)  not null,
    destinataire         varchar(254) not null,
    sujet                varchar(300) not null,
    corps                text         not null,
    -- Fixed when the row is written: a resend carries the same Message-ID, so mail clients
    -- and servers recognise it as the same message.
    message_id           varchar(250) not null unique,
    cree_le              timestamptz  not null,
    etat                 varchar(16)  not null default 'A_ENVOYER'
                         check (etat in ('A_ENVOYER', 'EN_COURS', 'ENVOYE', 'ECHEC')),
    tentatives           int          not null default 0 check (tentatives >= 0),
    -- A_ENVOYER: not before; EN_COURS: end of the sender's lease; null once ENVOYE or ECHEC.
    prochaine_tentative  timestamptz,
    derniere_erreur      varchar(1000),
    envoye_le            timestamptz,
    check ((etat = 'ENVOYE') = (envoye_le is not null)),
    check ((etat in ('A_ENVOYER', 'EN_COURS')) = (prochaine_tentative is not null))
);
create index notification_a_traiter on notification (prochaine_tentative, id) where etat in ('A_ENVOYER', 'EN_COURS');
create index notification_dossier on notification (dossier_id);
