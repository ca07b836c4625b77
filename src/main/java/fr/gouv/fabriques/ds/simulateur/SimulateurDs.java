package fr.gouv.fabriques.ds.simulateur;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.gouv.fabriques.ds.RequetesDs;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A démarches-simplifiées stand-in: DS's GraphQL API on the schema subset {@code ds/schema-ds.graphqls}, executed by
 * graphql-java over an in-memory set of procedures and dossiers, served on 127.0.0.1 by the JDK's HTTP server. The
 * connector's tests run against it (every document is validated: an invalid one is answered with errors and recorded in
 * {@link #requetesInvalides()}), and the demo mode starts it with sample dossiers ({@code FABRIQUES_DS_SIMULATEUR=true}).
 * Failures can be injected: HTTP statuses, slow answers, refused mutations, infected or pending files.
 *
 * <p>It follows DS's rules that matter to the connector: the transitions allowed from each state (a refused one comes
 * back in the payload's {@code errors}), {@code dateDerniereModification} moved by every change, cursor pagination on
 * {@code (dateDerniereModification, number)}, short-lived file URLs (here: plain ones).
 */
public class SimulateurDs {

    private static final Logger LOG = LoggerFactory.getLogger(SimulateurDs.class);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final GraphQL graphql;
    private final ObjectMapper json = new ObjectMapper();
    private final String jeton;
    private final String instructeurId;
    private final Map<Integer, Demarche> demarches = new LinkedHashMap<>();
    private final Map<Integer, DossierSim> dossiers = new LinkedHashMap<>();
    private final Map<String, FichierSim> fichiers = new LinkedHashMap<>();
    private final Map<Integer, Object[]> supprimes = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Integer> pannes = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Duration> lenteur = new AtomicReference<>(Duration.ZERO);
    private final ConcurrentLinkedQueue<String> refus = new ConcurrentLinkedQueue<>();
    private final List<String> requetesInvalides = Collections.synchronizedList(new ArrayList<>());
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requetes = new AtomicInteger();
    private final AtomicInteger panneDans = new AtomicInteger(-1);
    private final AtomicInteger panneDiffere = new AtomicInteger();
    private final AtomicInteger prochainNumero = new AtomicInteger(1000);
    private Instant derniereDate = Instant.EPOCH;
    private HttpServer serveur;

    public SimulateurDs(String jeton, String instructeurId) {
        this.jeton = jeton;
        this.instructeurId = instructeurId;
        this.graphql = GraphQL.newGraphQL(schema()).build();
    }

    // ---------------------------------------------------------------- server

    /** Starts the HTTP server on 127.0.0.1 ({@code port} 0: any free one). */
    public synchronized SimulateurDs demarrer(int port) {
        try {
            serveur = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Simulateur DS : port " + port + " indisponible", e);
        }
        serveur.createContext("/api/v2/graphql", this::graphql);
        serveur.createContext("/fichiers/", this::fichier);
        serveur.createContext("/simulateur/dossiers", this::etatHttp);
        serveur.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simulateur-ds");
            t.setDaemon(true);
            return t;
        }));
        serveur.start();
        LOG.info("Simulateur démarches-simplifiées sur {} (état des dossiers simulés : {}/simulateur/dossiers)", url(), url());
        return this;
    }

    public synchronized void arreter() {
        if (serveur != null) {
            serveur.stop(0);
            serveur = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + serveur.getAddress().getPort();
    }

    public String jeton() {
        return jeton;
    }

    public String instructeurId() {
        return instructeurId;
    }

    private void graphql(HttpExchange echange) throws IOException {
        requetes.incrementAndGet();
        try (echange) {
            Duration attente = lenteur.get();
            if (!attente.isZero()) {
                try {
                    Thread.sleep(attente.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (panneDans.get() >= 0 && panneDans.getAndDecrement() == 0) {
                pannes.add(panneDiffere.get());
            }
            Integer panne = pannes.poll();
            if (panne != null) {
                repondre(echange, panne, "{\"error\":\"simulated\"}");
                return;
            }
            String autorisation = echange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + jeton).equals(autorisation)) {
                repondre(echange, 401, "{\"errors\":[{\"message\":\"Without a token, only persisted queries are allowed\"}]}");
                return;
            }
            if (!"POST".equals(echange.getRequestMethod())) {
                repondre(echange, 405, "{}");
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> corps = json.readValue(echange.getRequestBody(), Map.class);
            String requete = (String) corps.get("query");
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = corps.get("variables") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            ExecutionInput entree = ExecutionInput.newExecutionInput().query(requete == null ? "" : requete)
                    .operationName((String) corps.get("operationName")).variables(variables).build();
            ExecutionResult resultat;
            synchronized (this) {
                resultat = graphql.execute(entree);
            }
            for (GraphQLError e : resultat.getErrors()) {
                if (e instanceof ValidationError || e.getErrorType() == ErrorType.InvalidSyntax
                        || e.getErrorType() == ErrorType.ValidationError) {
                    requetesInvalides.add(corps.get("operationName") + " : " + e.getMessage());
                }
            }
            repondre(echange, 200, json.writeValueAsString(resultat.toSpecification()));
        } catch (RuntimeException e) {
            LOG.warn("Simulateur DS : requête en erreur", e);
            repondre(echange, 500, "{}");
        }
    }

    private void fichier(HttpExchange echange) throws IOException {
        try (echange) {
            String cle = echange.getRequestURI().getPath().substring("/fichiers/".length());
            FichierSim f;
            synchronized (this) {
                f = fichiers.get(cle);
            }
            if (f == null) {
                repondre(echange, 404, "");
                return;
            }
            echange.getResponseHeaders().add("Content-Type", f.typeContenu);
            echange.sendResponseHeaders(200, f.contenu.length);
            try (OutputStream out = echange.getResponseBody()) {
                out.write(f.contenu);
            }
        }
    }

    private void etatHttp(HttpExchange echange) throws IOException {
        try (echange) {
            echange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            byte[] corps = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(etat());
            echange.sendResponseHeaders(200, corps.length);
            try (OutputStream out = echange.getResponseBody()) {
                out.write(corps);
            }
        }
    }

    private static void repondre(HttpExchange echange, int statut, String corps) throws IOException {
        byte[] octets = corps.getBytes(StandardCharsets.UTF_8);
        echange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        echange.sendResponseHeaders(statut, octets.length == 0 ? -1 : octets.length);
        if (octets.length > 0) {
            try (OutputStream out = echange.getResponseBody()) {
                out.write(octets);
            }
        }
    }

    // ---------------------------------------------------------------- control (tests, demo)

    /** The next {@code fois} GraphQL requests are answered with this HTTP status (401, 500, 503, 429…). */
    public void panne(int statut, int fois) {
        for (int i = 0; i < fois; i++) {
            pannes.add(statut);
        }
    }

    /** After {@code reussies} more answered GraphQL requests, the next one is answered with this HTTP status (an outage mid-import). */
    public void panneApres(int reussies, int statut) {
        panneDans.set(reussies);
        panneDiffere.set(statut);
    }

    /** Every GraphQL answer waits this long (a timeout on the client's side when longer than its limit). */
    public void lenteur(Duration attente) {
        lenteur.set(attente);
    }

    /** The next mutation of this name ({@code dossierAccepter}…) is refused in its payload with this message. */
    public void refuserProchaine(String mutation) {
        refus.add(mutation);
    }

    public void retablir() {
        panneDans.set(-1);
        pannes.clear();
        refus.clear();
        lenteur.set(Duration.ZERO);
    }

    public List<String> requetesInvalides() {
        return List.copyOf(requetesInvalides);
    }

    /** The mutations received, in order: « dossierPasserEnInstruction 1001 », « dossierEnvoyerMessage 1001 incomplete »… */
    public List<String> journal() {
        return List.copyOf(journal);
    }

    public int requetes() {
        return requetes.get();
    }

    public synchronized void ajouterDemarche(int numero, String titre, List<Descripteur> champs) {
        demarches.put(numero, new Demarche(numero, titre, List.copyOf(champs)));
    }

    /** A dossier deposited by an applicant (state en_construction); returns its number. */
    public synchronized int deposer(int demarche, String email, String siret, List<ChampSim> champs) {
        if (!demarches.containsKey(demarche)) {
            throw new IllegalArgumentException("démarche inconnue " + demarche);
        }
        int numero = prochainNumero.incrementAndGet();
        Instant t = maintenant();
        DossierSim d = new DossierSim(numero, demarche, email, siret, t);
        d.champs.addAll(champs);
        champs.forEach(this::enregistrerFichiers);
        dossiers.put(numero, d);
        return numero;
    }

    /** The applicant changes (or adds) fields of his dossier; allowed in en_construction only, like on DS. */
    public synchronized void modifierParPorteur(int numero, List<ChampSim> champs) {
        DossierSim d = exiger(numero);
        if (!"en_construction".equals(d.etat)) {
            throw new IllegalStateException("dossier " + numero + " en " + d.etat + " : le porteur ne peut plus le modifier");
        }
        for (ChampSim c : champs) {
            d.champs.removeIf(x -> x.descripteurId.equals(c.descripteurId));
            d.champs.add(c);
            enregistrerFichiers(c);
        }
        Instant t = maintenant();
        d.champsModifies = t;
        d.derniereModification = t;
    }

    /** The applicant answers a correction request (his changes already made by {@link #modifierParPorteur}). */
    public synchronized void corrigerParPorteur(int numero, List<ChampSim> champs) {
        modifierParPorteur(numero, champs);
    }

    /** The applicant deletes his dossier on DS. */
    public synchronized void supprimer(int numero) {
        DossierSim d = dossiers.remove(numero);
        if (d != null) {
            supprimes.put(numero, new Object[] {d, maintenant()});
        }
    }

    /** A file's virus scan finished. */
    public synchronized void analyser(String nomFichier, String resultat) {
        fichiers.values().stream().filter(f -> f.nom.equals(nomFichier)).forEach(f -> f.analyse = resultat);
        dossiers.values().stream().filter(d -> d.champs.stream().anyMatch(c -> c.fichiers.stream().anyMatch(f -> f.nom.equals(nomFichier))))
                .forEach(d -> d.derniereModification = maintenant());
    }

    public synchronized Optional<DossierSim> dossier(int numero) {
        return Optional.ofNullable(dossiers.get(numero));
    }

    public synchronized List<DossierSim> dossiers() {
        return List.copyOf(dossiers.values());
    }

    /** One simulated DS dossier as the simulator's endpoint shows it. */
    public record DossierSimule(int numero, int demarche, String etat, String motivation, String usager, String derniereModification,
            List<String> messages) {
    }

    /** What the simulator's page shows: each dossier's state, motivation and messages (GET /simulateur/dossiers). */
    public synchronized List<DossierSimule> etat() {
        List<DossierSimule> l = new ArrayList<>();
        for (DossierSim d : dossiers.values()) {
            l.add(new DossierSimule(d.numero, d.demarche, d.etat, d.motivation, d.email, date(d.derniereModification),
                    d.messages.stream().map(x -> (x.correction == null ? "" : "[correction " + x.correction + "] ") + x.corps).toList()));
        }
        return l;
    }

    private DossierSim exiger(int numero) {
        DossierSim d = dossiers.get(numero);
        if (d == null) {
            throw new IllegalArgumentException("dossier inconnu " + numero);
        }
        return d;
    }

    private void enregistrerFichiers(ChampSim c) {
        for (FichierSim f : c.fichiers) {
            fichiers.put(f.cle, f);
        }
    }

    /** Strictly increasing instants, at the millisecond: two changes never share a date, the cursor stays exact. */
    private Instant maintenant() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!t.isAfter(derniereDate)) {
            t = derniereDate.plusMillis(1);
        }
        derniereDate = t;
        return t;
    }

    // ---------------------------------------------------------------- model

    public record Descripteur(String id, String libelle, String type, boolean obligatoire) {
    }

    record Demarche(int numero, String titre, List<Descripteur> champs) {
    }

    record Message(String corps, String correction, Instant le) {
    }

    /** A simulated DS dossier (read by the tests and the simulator's page). */
    public static final class DossierSim {
        public final int numero;
        public final int demarche;
        public final String email;
        public final String siret;
        public volatile String etat = "en_construction";
        public volatile String motivation;
        final Instant depot;
        volatile Instant derniereModification;
        volatile Instant champsModifies;
        final List<ChampSim> champs = new ArrayList<>();
        public final List<Message> messages = new ArrayList<>();

        DossierSim(int numero, int demarche, String email, String siret, Instant depot) {
            this.numero = numero;
            this.demarche = demarche;
            this.email = email;
            this.siret = siret;
            this.depot = depot;
            this.derniereModification = depot;
            this.champsModifies = depot;
        }

        public String id() {
            return Base64.getEncoder().encodeToString(("Dossier-" + numero).getBytes(StandardCharsets.UTF_8));
        }

        public List<String> messagesTextes() {
            return messages.stream().map(m -> (m.correction() == null ? "" : "[" + m.correction() + "] ") + m.corps()).toList();
        }
    }

    /** A field as answered: its GraphQL type, descriptor, text, values (multiple choice), commune, files. */
    public record ChampSim(String type, String descripteurId, String libelle, String texte, List<String> valeurs, Map<String, String> commune,
            List<FichierSim> fichiers) {

        public static ChampSim texte(String descripteurId, String libelle, String valeur) {
            return new ChampSim("TextChamp", descripteurId, libelle, valeur, List.of(), null, List.of());
        }

        public static ChampSim entier(String descripteurId, String libelle, long valeur) {
            return new ChampSim("IntegerNumberChamp", descripteurId, libelle, String.valueOf(valeur), List.of(), null, List.of());
        }

        public static ChampSim decimal(String descripteurId, String libelle, String valeur) {
            return new ChampSim("DecimalNumberChamp", descripteurId, libelle, valeur, List.of(), null, List.of());
        }

        public static ChampSim liste(String descripteurId, String libelle, String valeur) {
            return new ChampSim("DropDownListChamp", descripteurId, libelle, valeur, List.of(), null, List.of());
        }

        public static ChampSim choixMultiple(String descripteurId, String libelle, List<String> valeurs) {
            return new ChampSim("MultipleDropDownListChamp", descripteurId, libelle, String.join(", ", valeurs), List.copyOf(valeurs), null,
                    List.of());
        }

        public static ChampSim siret(String descripteurId, String libelle, String siret) {
            return new ChampSim("SiretChamp", descripteurId, libelle, siret, List.of(), null, List.of());
        }

        public static ChampSim commune(String descripteurId, String libelle, String nom, String codeInsee, String codePostal, String departement) {
            return new ChampSim("CommuneChamp", descripteurId, libelle, nom + " (" + codePostal + ")", List.of(),
                    Map.of("name", nom, "code", codeInsee, "postalCode", codePostal, "departement", departement), List.of());
        }

        public static ChampSim pieces(String descripteurId, String libelle, FichierSim... fichiers) {
            return new ChampSim("PieceJustificativeChamp", descripteurId, libelle,
                    String.join(", ", java.util.Arrays.stream(fichiers).map(f -> f.nom).toList()), List.of(), null, List.of(fichiers));
        }
    }

    /** An attachment: its content, the checksum DS announces (the right MD5 unless given), its virus scan result. */
    public static final class FichierSim {
        final String cle = UUID.randomUUID().toString();
        final String nom;
        final String typeContenu;
        final byte[] contenu;
        final String checksum;
        volatile String analyse;

        public FichierSim(String nom, String typeContenu, byte[] contenu, String checksum, String analyse) {
            this.nom = nom;
            this.typeContenu = typeContenu;
            this.contenu = contenu.clone();
            this.checksum = checksum != null ? checksum : md5(contenu);
            this.analyse = analyse;
        }

        public static FichierSim sain(String nom, String typeContenu, byte[] contenu) {
            return new FichierSim(nom, typeContenu, contenu, null, "safe");
        }

        public static String md5(byte[] contenu) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(contenu));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- GraphQL

    private GraphQLSchema schema() {
        String sdl = RequetesDs.lire("ds/schema-ds.graphqls");
        RuntimeWiring cablage = RuntimeWiring.newRuntimeWiring()
                .scalar(scalaire("ISO8601DateTime"))
                .scalar(scalaire("BigInt"))
                .type("Query", t -> t.dataFetcher("demarche", e -> vueDemarche(e.getArgument("number")))
                        .dataFetcher("dossier", e -> {
                            DossierSim d = dossiers.get((Integer) e.getArgument("number"));
                            if (d == null) {
                                throw new IllegalArgumentException("Dossier not found");
                            }
                            return vue(d);
                        }))
                .type("Demarche", t -> t.dataFetcher("dossiers", e -> page(e.getSource(), e.getArgument("first"), e.getArgument("after"),
                        e.getArgument("updatedSince"), e.getArgument("state")))
                        .dataFetcher("deletedDossiers", e -> supprimes(e.getSource(), e.getArgument("deletedSince"))))
                .type("Champ", t -> t.typeResolver(e -> e.getSchema().getObjectType((String) ((Map<?, ?>) e.getObject()).get("__typename"))))
                .type("Demandeur", t -> t.typeResolver(e -> e.getSchema().getObjectType((String) ((Map<?, ?>) e.getObject()).get("__typename"))))
                .type("Mutation", t -> t
                        .dataFetcher("dossierPasserEnInstruction", transition("dossierPasserEnInstruction", "en_construction", "en_instruction"))
                        .dataFetcher("dossierRepasserEnConstruction", transition("dossierRepasserEnConstruction", "en_instruction", "en_construction"))
                        .dataFetcher("dossierRepasserEnInstruction", transition("dossierRepasserEnInstruction", "accepte|refuse|sans_suite", "en_instruction"))
                        .dataFetcher("dossierAccepter", transition("dossierAccepter", "en_instruction", "accepte"))
                        .dataFetcher("dossierRefuser", transition("dossierRefuser", "en_instruction", "refuse"))
                        .dataFetcher("dossierClasserSansSuite", transition("dossierClasserSansSuite", "en_instruction", "sans_suite"))
                        .dataFetcher("dossierEnvoyerMessage", this::message))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), cablage);
    }

    private static GraphQLScalarType scalaire(String nom) {
        return GraphQLScalarType.newScalar().name(nom).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object v, GraphQLContext c, Locale l) {
                return v instanceof Instant i ? date(i) : String.valueOf(v);
            }

            @Override
            public Object parseValue(Object v, GraphQLContext c, Locale l) {
                return v;
            }

            @Override
            public Object parseLiteral(Value<?> v, CoercedVariables vars, GraphQLContext c, Locale l) {
                return v instanceof StringValue s ? s.getValue() : v.toString();
            }
        }).build();
    }

    private static String date(Instant i) {
        return i == null ? null : ISO.format(OffsetDateTime.ofInstant(i, PARIS));
    }

    private Map<String, Object> vueDemarche(Integer numero) {
        Demarche d = demarches.get(numero);
        if (d == null) {
            throw new IllegalArgumentException("Demarche not found");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Base64.getEncoder().encodeToString(("Procedure-" + numero).getBytes(StandardCharsets.UTF_8)));
        m.put("number", numero);
        m.put("title", d.titre());
        m.put("state", "publiee");
        List<Map<String, Object>> champs = d.champs().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("label", c.libelle());
            x.put("type", c.type());
            x.put("description", null);
            x.put("required", c.obligatoire());
            return x;
        }).toList();
        m.put("activeRevision", Map.of("id", "Revision-" + numero, "champDescriptors", champs, "annotationDescriptors", List.of()));
        return m;
    }

    private Map<String, Object> supprimes(Map<String, Object> demarche, Object depuis) {
        int numero = (Integer) demarche.get("number");
        Instant seuil = depuis == null ? Instant.EPOCH : OffsetDateTime.parse(depuis.toString()).toInstant();
        List<Map<String, Object>> l = new ArrayList<>();
        for (Object[] x : supprimes.values()) {
            DossierSim d = (DossierSim) x[0];
            if (d.demarche == numero && !((Instant) x[1]).isBefore(seuil)) {
                l.add(Map.of("id", d.id(), "number", d.numero, "state", d.etat, "dateSupression", x[1]));
            }
        }
        return Map.of("nodes", l, "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false));
    }

    private Map<String, Object> page(Map<String, Object> demarche, Integer premiers, String apres, Object depuis, String etat) {
        int numero = (Integer) demarche.get("number");
        Instant seuil = depuis == null ? Instant.EPOCH : OffsetDateTime.parse(depuis.toString()).toInstant();
        long curseurDate = Long.MIN_VALUE;
        int curseurNumero = Integer.MIN_VALUE;
        if (apres != null) {
            String[] p = new String(Base64.getDecoder().decode(apres), StandardCharsets.UTF_8).split(":");
            curseurDate = Long.parseLong(p[0]);
            curseurNumero = Integer.parseInt(p[1]);
        }
        final long cd = curseurDate;
        final int cn = curseurNumero;
        List<DossierSim> tous = dossiers.values().stream().filter(d -> d.demarche == numero)
                .filter(d -> !d.derniereModification.isBefore(seuil))
                .filter(d -> etat == null || etat.equals(d.etat))
                .sorted(Comparator.comparing((DossierSim d) -> d.derniereModification).thenComparingInt(d -> d.numero))
                .filter(d -> d.derniereModification.toEpochMilli() > cd || d.derniereModification.toEpochMilli() == cd && d.numero > cn)
                .toList();
        int n = Math.min(premiers == null ? 100 : Math.min(premiers, 100), tous.size());
        List<DossierSim> lot = tous.subList(0, n);
        String fin = lot.isEmpty() ? apres : Base64.getEncoder().encodeToString((lot.get(n - 1).derniereModification.toEpochMilli() + ":"
                + lot.get(n - 1).numero).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("hasNextPage", tous.size() > n);
        info.put("hasPreviousPage", apres != null);
        info.put("endCursor", fin);
        info.put("startCursor", null);
        return Map.of("nodes", lot.stream().map(this::vue).toList(), "pageInfo", info);
    }

    private Map<String, Object> vue(DossierSim d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("number", d.numero);
        m.put("state", d.etat);
        m.put("archived", false);
        m.put("dateDepot", d.depot);
        m.put("datePassageEnConstruction", d.depot);
        m.put("dateDerniereModification", d.derniereModification);
        m.put("dateDerniereModificationChamps", d.champsModifies);
        m.put("motivation", d.motivation);
        m.put("usager", Map.of("id", "Usager-" + d.numero, "email", d.email));
        Map<String, Object> demandeur = new LinkedHashMap<>();
        demandeur.put("__typename", "PersonneMorale");
        demandeur.put("id", "Demandeur-" + d.numero);
        demandeur.put("siret", d.siret);
        demandeur.put("address", Map.of("label", "", "postalCode", "", "cityName", "", "cityCode", ""));
        demandeur.put("entreprise", null);
        demandeur.put("association", null);
        m.put("demandeur", demandeur);
        m.put("groupeInstructeur", Map.of("id", "Groupe-1", "number", 1, "label", "défaut"));
        m.put("revision", vueDemarche(d.demarche).get("activeRevision"));
        m.put("champs", d.champs.stream().map(c -> vue(d, c)).toList());
        m.put("annotations", List.of());
        m.put("messages", d.messages.stream().map(x -> Map.of("id", "Message-" + x.hashCode(), "body", x.corps(), "createdAt", x.le(),
                "email", "instructeur@ds")).toList());
        return m;
    }

    private Map<String, Object> vue(DossierSim d, ChampSim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", c.type());
        m.put("id", c.descripteurId() + "-" + d.numero);
        m.put("champDescriptorId", c.descripteurId());
        m.put("label", c.libelle());
        m.put("stringValue", c.texte());
        m.put("updatedAt", d.champsModifies);
        switch (c.type()) {
            case "MultipleDropDownListChamp" -> m.put("values", c.valeurs());
            case "SiretChamp" -> m.put("etablissement", c.texte() == null ? null
                    : Map.of("siret", c.texte(), "address", Map.of("label", "", "postalCode", "", "cityName", "", "cityCode", "")));
            case "CommuneChamp" -> {
                m.put("commune", Map.of("name", c.commune().get("name"), "code", c.commune().get("code"), "postalCode", c.commune().get("postalCode")));
                m.put("departement", Map.of("code", c.commune().get("departement"), "name", ""));
            }
            case "PieceJustificativeChamp" -> m.put("files", c.fichiers().stream().map(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("filename", f.nom);
                x.put("contentType", f.typeContenu);
                x.put("byteSizeBigInt", String.valueOf(f.contenu.length));
                x.put("checksum", f.checksum);
                x.put("url", url() + "/fichiers/" + f.cle);
                x.put("createdAt", d.depot);
                x.put("virusScanResult", f.analyse);
                return x;
            }).toList());
            case "CheckboxChamp" -> m.put("value", Boolean.parseBoolean(c.texte()));
            default -> m.put("value", c.texte());
        }
        return m;
    }

    private DataFetcher<Object> transition(String mutation, String depuis, String vers) {
        return e -> {
            Map<String, Object> input = e.getArgument("input");
            Optional<Map<String, Object>> refusee = refusInjecte(mutation, input);
            if (refusee.isPresent()) {
                return refusee.get();
            }
            DossierSim d = parId((String) input.get("dossierId"));
            if (!instructeurId.equals(input.get("instructeurId"))) {
                return erreur("L'instructeur n'a pas accès à ce dossier");
            }
            if (!d.etat.matches(depuis)) {
                journal.add(mutation + " " + d.numero + " REFUSEE");
                return erreur("Le dossier est en " + d.etat + " : " + mutation + " est impossible");
            }
            d.etat = vers;
            if (input.get("motivation") != null) {
                d.motivation = (String) input.get("motivation");
            }
            d.derniereModification = maintenant();
            journal.add(mutation + " " + d.numero);
            return Map.of("dossier", vue(d), "errors", List.of());
        };
    }

    private Object message(graphql.schema.DataFetchingEnvironment e) {
        Map<String, Object> input = e.getArgument("input");
        Optional<Map<String, Object>> refusee = refusInjecte("dossierEnvoyerMessage", input);
        if (refusee.isPresent()) {
            return refusee.get();
        }
        DossierSim d = parId((String) input.get("dossierId"));
        Object correction = input.get("correction");
        if (correction != null) {
            if (!d.etat.equals("en_construction") && !d.etat.equals("en_instruction")) {
                return erreur("Une demande de correction n'est possible qu'en construction ou en instruction");
            }
            d.etat = "en_construction";
        }
        Message m = new Message((String) input.get("body"), correction == null ? null : correction.toString(), maintenant());
        d.messages.add(m);
        d.derniereModification = m.le();
        journal.add("dossierEnvoyerMessage " + d.numero + (correction == null ? "" : " " + correction));
        return Map.of("message", Map.of("id", "Message-" + d.messages.size(), "body", m.corps(), "createdAt", m.le(), "email", "instructeur@ds"),
                "errors", List.of());
    }

    private Optional<Map<String, Object>> refusInjecte(String mutation, Map<String, Object> input) {
        if (refus.remove(mutation)) {
            journal.add(mutation + " " + parId((String) input.get("dossierId")).numero + " REFUSEE");
            return Optional.of(erreur("Refus simulé de " + mutation));
        }
        return Optional.empty();
    }

    private DossierSim parId(String id) {
        String texte = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
        return exiger(Integer.parseInt(texte.substring("Dossier-".length())));
    }

    private static Map<String, Object> erreur(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossier", null);
        m.put("message", null);
        m.put("errors", List.of(Map.of("message", message)));
        return m;
    }
}
