package fr.gouv.fabriques.application.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.port.BoiteEnvoi;
import fr.gouv.fabriques.application.port.BoiteEnvoi.EtatCourriel;
import fr.gouv.fabriques.application.port.Messagerie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outbox's state machine as the sender drives it, on an in-memory box that claims
 * like the SQL one (due = waiting or lease run out; claiming raises the attempt count).
 * The SQL itself is covered by CourrielsIT on PostgreSQL.
 */
class EnvoyerCourrielsTest {

    static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
    static final Duration BAIL = Duration.ofMinutes(10);

    final BoiteEnMemoire boite = new BoiteEnMemoire();
    final MessagerieFictive messagerie = new MessagerieFictive();

    EnvoyerCourriels envoyeur(Instant maintenant) {
        return new EnvoyerCourriels(boite, messagerie, Clock.fixed(maintenant, ZoneOffset.UTC), 2, BAIL,
                new PolitiqueRelance(3, Duration.ofMinutes(1), Duration.ofMinutes(30)));
    }

    @Test
    void lesCourrielsDusSontEnvoyesParLotsJusquAEpuisementPuisMarquesEnvoyes() {
        for (int i = 1; i <= 5; i++) {
            boite.ajouter(i, T0);
        }
        boite.ajouter(6, T0.plusSeconds(3600)); // not due yet

        assertThat(envoyeur(T0).envoyerEnAttente()).isEqualTo(5);

        assertThat(messagerie.envoyes).extracting(Messagerie.Courriel::messageId).containsExactly("<1@x>", "<2@x>", "<3@x>", "<4@x>", "<5@x>");
        assertThat(boite.ligne(1).etat).isEqualTo(EtatCourriel.ENVOYE);
        assertThat(boite.ligne(1).tentatives).isEqualTo(1);
        assertThat(boite.ligne(6).etat).isEqualTo(EtatCourriel.A_ENVOYER);
        assertThat(envoyeur(T0).envoyerEnAttente()).as("rien n'est envoyé deux fois").isZero();
    }

    @Test
    void unEchecSmtpReporteLeCourrielAvecUnDelaiQuiDoublePuisLAbandonneApresLaDerniereTentative() {
        boite.ajouter(1, T0);
        messagerie.enPanne = true;

        assertThat(envoyeur(T0).envoyerEnAttente()).isZero();
        Ligne l = boite.ligne(1);
        assertThat(l.etat).isEqualTo(EtatCourriel.A_ENVOYER);
        assertThat(l.tentatives).isEqualTo(1);
        assertThat(l.prochaine).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(l.erreur).contains("connexion refusée");

        assertThat(envoyeur(T0.plusSeconds(30)).envoyerEnAttente()).as("pas avant la prochaine tentative").isZero();
        assertThat(l.tentatives).isEqualTo(1);

        envoyeur(T0.plus(Duration.ofMinutes(1))).envoyerEnAttente();
        assertThat(l.tentatives).isEqualTo(2);
        assertThat(l.prochaine).isEqualTo(T0.plus(Duration.ofMinutes(1 + 2)));

        envoyeur(T0.plus(Duration.ofMinutes(3))).envoyerEnAttente();
        assertThat(l.tentatives).isEqualTo(3);
        assertThat(l.etat).isEqualTo(EtatCourriel.ECHEC);
        assertThat(l.prochaine).isNull();

        messagerie.enPanne = false;
        assertThat(envoyeur(T0.plus(Duration.ofDays(1))).envoyerEnAttente()).as("un courriel en ECHEC attend une personne").isZero();
        assertThat(messagerie.envoyes).isEmpty();
    }

    @Test
    void leServeurRevenuLeCourrielReporteEstEnvoyeUneFois() {
        boite.ajouter(1, T0);
        messagerie.enPanne = true;
        envoyeur(T0).envoyerEnAttente();
        messagerie.enPanne = false;

        assertThat(envoyeur(T0.plus(Duration.ofMinutes(1))).envoyerEnAttente()).isEqualTo(1);
        assertThat(boite.ligne(1).etat).isEqualTo(EtatCourriel.ENVOYE);
        assertThat(boite.ligne(1).tentatives).isEqualTo(2);
        assertThat(messagerie.envoyes).hasSize(1);
    }

    @Test
    void uneExceptionInattendueDeLaMessagerieCompteCommeUnEchec() {
        boite.ajouter(1, T0);
        messagerie.exceptionInattendue = true;

        assertThat(envoyeur(T0).envoyerEnAttente()).isZero();
        assertThat(boite.ligne(1).etat).isEqualTo(EtatCourriel.A_ENVOYER);
        assertThat(boite.ligne(1).erreur).contains("IllegalStateException");
    }

    @Test
    void arretPendantLEnvoiLeCourrielResteReserveJusquALaFinDuBailPuisEstRenvoyeAvecLeMemeMessageId() {
        boite.ajouter(1, T0);
        messagerie.arretApresAcceptation = true;

        assertThatThrownBy(() -> envoyeur(T0).envoyerEnAttente()).isInstanceOf(ArretSimule.class);
        assertThat(messagerie.envoyes).hasSize(1);
        assertThat(boite.ligne(1).etat).isEqualTo(EtatCourriel.EN_COURS);

        messagerie.arretApresAcceptation = false;
        assertThat(envoyeur(T0.plus(BAIL).minusSeconds(1)).envoyerEnAttente()).as("bail en cours").isZero();
        assertThat(envoyeur(T0.plus(BAIL)).envoyerEnAttente()).isEqualTo(1);

        assertThat(messagerie.envoyes).extracting(Messagerie.Courriel::messageId).containsExactly("<1@x>", "<1@x>");
        assertThat(messagerie.envoyes).extracting(Messagerie.Courriel::date).containsOnly(T0);
        assertThat(boite.ligne(1).etat).isEqualTo(EtatCourriel.ENVOYE);
        assertThat(boite.ligne(1).tentatives).isEqualTo(2);
    }

    @Test
    void unCourrielInterrompuALaDerniereTentativeNEstPlusEnvoyeMaisAbandonne() {
        boite.ajouter(1, T0);
        boite.ligne(1).tentatives = 3; // the last allowed attempt was claimed, then the node died
        boite.ligne(1).etat = EtatCourriel.EN_COURS;

        assertThat(envoyeur(T0).envoyerEnAttente()).isZero();
        assertThat(messagerie.envoyes).isEmpty();
        assertThat(boite.ligne(1).etat).isEqualTo(EtatCourriel.ECHEC);
        assertThat(boite.ligne(1).erreur).contains("interrompu");
    }

    // --- doubles -----------------------------------------------------------------------

    static final class ArretSimule extends Error {
        ArretSimule() {
            super("la JVM s'arrête après l'acceptation par le serveur SMTP");
        }
    }

    static final class Ligne {
        final long id;
        EtatCourriel etat = EtatCourriel.A_ENVOYER;
        int tentatives;
        Instant prochaine;
        String erreur;
        Instant envoyeLe;

        Ligne(long id, Instant prochaine) {
            this.id = id;
            this.prochaine = prochaine;
        }
    }

    static final class BoiteEnMemoire implements BoiteEnvoi {
        final Map<Long, Ligne> lignes = new LinkedHashMap<>();

        void ajouter(long id, Instant creeLe) {
            lignes.put(id, new Ligne(id, creeLe));
        }

        Ligne ligne(long id) {
            return lignes.get(id);
        }

        @Override
        public void deposer(CourrielADeposer courriel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CourrielReserve> reserver(int nombre, Instant maintenant, Instant bailJusqua) {
            List<CourrielReserve> lot = new ArrayList<>();
            for (Ligne l : lignes.values()) {
                boolean due = (l.etat == EtatCourriel.A_ENVOYER || l.etat == EtatCourriel.EN_COURS) && !l.prochaine.isAfter(maintenant);
                if (due && lot.size() < nombre) {
                    l.etat = EtatCourriel.EN_COURS;
                    l.tentatives++;
                    l.prochaine = bailJusqua;
                    lot.add(new CourrielReserve(l.id, "FDT-2026-" + l.id, "porteur" + l.id + "@example.org", "Objet " + l.id, "Texte",
                            "<" + l.id + "@x>", T0, l.tentatives));
                }
            }
            return lot;
        }

        @Override
        public void marquerEnvoye(long id, Instant quand) {
            Ligne l = lignes.get(id);
            l.etat = EtatCourriel.ENVOYE;
            l.envoyeLe = quand;
            l.prochaine = null;
        }

        @Override
        public void reporter(long id, int tentative, Instant prochaineTentative, String erreur) {
            Ligne l = lignes.get(id);
            if (l.etat == EtatCourriel.EN_COURS && l.tentatives == tentative) {
                l.etat = EtatCourriel.A_ENVOYER;
                l.prochaine = prochaineTentative;
                l.erreur = erreur;
            }
        }

        @Override
        public void abandonner(long id, int tentative, String erreur) {
            Ligne l = lignes.get(id);
            if (l.etat == EtatCourriel.EN_COURS && l.tentatives == tentative) {
                l.etat = EtatCourriel.ECHEC;
                l.prochaine = null;
                l.erreur = erreur;
            }
        }
    }

    static final class MessagerieFictive implements Messagerie {
        final List<Courriel> envoyes = new ArrayList<>();
        boolean enPanne;
        boolean exceptionInattendue;
        boolean arretApresAcceptation;

        @Override
        public void envoyer(Courriel courriel) throws EchecEnvoi {
            if (enPanne) {
                throw new EchecEnvoi("serveur SMTP : connexion refusée", null);
            }
            if (exceptionInattendue) {
                throw new IllegalStateException("bogue");
            }
            envoyes.add(courriel);
            if (arretApresAcceptation) {
                throw new ArretSimule();
            }
        }
    }
}
