package fr.gouv.fabriques.banc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the SQL round trips the application makes, per thread (the benchmark's own queries are on other threads than the job
 * executor's): every execute, executeQuery, executeUpdate and executeBatch of a statement of the application's DataSource (the
 * engine's and ours share it). A batch counts one round trip and its rows as statements.
 */
final class CompteurSql {

    private static final Map<String, AtomicLong> ALLERS_RETOURS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> ORDRES = new ConcurrentHashMap<>();
    /** Round trips per statement text (its first 90 characters), all threads. */
    private static final Map<String, AtomicLong> PAR_ORDRE = new ConcurrentHashMap<>();

    private static final String APPELANTS_DE = System.getProperty("banc.sql.appelants");
    /**
     * -Dbanc.sql.route="GET /engine-rest/task/{}/form-variables": the most sent statements are those of that route only (or of a
     * thread outside requests: -Dbanc.sql.route=camundaTaskExecutor for the jobs).
     */
    private static final String ROUTE_SEULE = System.getProperty("banc.sql.route");
    private static final Map<String, AtomicLong> APPELANTS = new ConcurrentHashMap<>();

    private CompteurSql() {
    }

    /** The HTTP request the current thread serves (method and path, identifiers replaced by {}), counted under it. */
    private static final ThreadLocal<String> REQUETE = new ThreadLocal<>();
    private static final Map<String, AtomicLong> REQUETES = new ConcurrentHashMap<>();

    /**
     * Wraps the DataSource bean, and counts what each HTTP request sends under its route rather than its thread (an initializer of
     * the benchmark's application).
     */
    static void installer(ConfigurableApplicationContext contexte) {
        contexte.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String nom) {
                return bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass())) ? envelopper(ds, DataSource.class) : bean;
            }
        });
        org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> filtre = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                (requete, reponse, chaine) -> {
                    jakarta.servlet.http.HttpServletRequest r = (jakarta.servlet.http.HttpServletRequest) requete;
                    String route = r.getMethod() + " " + r.getRequestURI().replaceAll("/[^/]*\\d[^/]*", "/{}");
                    REQUETES.computeIfAbsent(route, c -> new AtomicLong()).incrementAndGet();
                    REQUETE.set(route);
                    try {
                        chaine.doFilter(requete, reponse);
                    } finally {
                        REQUETE.remove();
                    }
                });
        filtre.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        filtre.addUrlPatterns("/*");
        contexte.getBeanFactory().registerSingleton("bancCompteurSqlParRequete", filtre);
    }

    /** Per route, since the last call: requests, SQL round trips and statements per request; then per thread for the rest (jobs). */
    static String parRequete(Map<String, long[]> releve) {
        StringBuilder sb = new StringBuilder(String.format("%8s %9s %9s  %s%n", "requêtes", "a.-r./req", "ordres/req", "route (ou fil)"));
        Map<String, Long> requetes = new TreeMap<>();
        REQUETES.forEach((route, n) -> requetes.put(route, n.getAndSet(0)));
        releve.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e -> {
            long n = requetes.getOrDefault(e.getKey(), 0L);
            if (n > 0) {
                sb.append(String.format("%8d %9.1f %9.1f  %s%n", n, e.getValue()[0] / (double) n, e.getValue()[1] / (double) n, e.getKey()));
            } else {
                sb.append(String.format("%8s %9d %9d  %s (total)%n", "-", e.getValue()[0], e.getValue()[1], e.getKey()));
            }
        });
        return sb.toString();
    }

    /** Round trips and statements per thread name since the last call (threads of the same pool summed under their prefix). */
    static Map<String, long[]> releverEtRemettreAZero() {
        Map<String, long[]> r = new TreeMap<>();
        ALLERS_RETOURS.forEach((fil, n) -> r.put(fil, new long[] {n.getAndSet(0), ORDRES.get(fil).getAndSet(0)}));
        r.values().removeIf(v -> v[0] == 0);
        return r;
    }

    /** The statements most sent since the last call, most first (then forgotten). */
    static String plusFrequents(int combien) {
        if (combien == 0) {
            PAR_ORDRE.values().forEach(v -> v.set(0));
            return "";
        }
        StringBuilder sb = new StringBuilder();
        PAR_ORDRE.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().getAndSet(0))).filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(combien)
                .forEach(e -> sb.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        return sb.toString();
    }

    /** With -Dbanc.sql.appelants: the application's call paths that sent that statement, most first (then forgotten). */
    static String appelants() {
        StringBuilder sb = new StringBuilder();
        APPELANTS.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().getAndSet(0))).filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(20)
                .forEach(e -> sb.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T envelopper(T cible, Class<T> type) {
        return envelopper(cible, type, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T envelopper(T cible, Class<T> type, String sql) {
        return (T) Proxy.newProxyInstance(CompteurSql.class.getClassLoader(), new Class<?>[] {type}, new Enveloppe(cible, sql));
    }

    private record Enveloppe(Object cible, String sql) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String nom = m.getName();
            if (nom.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(cible)) {
                return cible;
            }
            if (nom.equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c && c.isInstance(cible)) {
                return true;
            }
            if (cible instanceof Statement) {
                if (nom.equals("addBatch")) {
                    compter(0, 1);
                } else if (nom.equals("executeBatch") || nom.equals("executeLargeBatch")) {
                    compter(1, 0);
                    parOrdre(sql == null ? "(lot)" : "(lot) " + sql);
                } else if (nom.startsWith("execute")) {
                    compter(1, 1);
                    parOrdre(sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?");
                }
            }
            Object r;
            try {
                r = m.invoke(cible, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (r instanceof Connection c && nom.equals("getConnection")) {
                return envelopper(c, Connection.class);
            }
            if (r instanceof PreparedStatement p && !(r instanceof java.sql.CallableStatement)) {
                return envelopper(p, PreparedStatement.class, args != null && args.length > 0 && args[0] instanceof String s ? s : null);
            }
            if (r instanceof Statement s && !(r instanceof PreparedStatement)) {
                return envelopper(s, Statement.class);
            }
            return r;
        }

        private static void parOrdre(String sql) {
            if (ROUTE_SEULE != null && !ROUTE_SEULE.equals(REQUETE.get() != null ? REQUETE.get() : fil())) {
                return;
            }
            String court = sql.replaceAll("\\s+", " ").strip();
            PAR_ORDRE.computeIfAbsent(court.length() > 90 ? court.substring(0, 90) : court, c -> new AtomicLong()).incrementAndGet();
            if (APPELANTS_DE != null && court.startsWith(APPELANTS_DE)) {
                // The application's frames that sent it (-Dbanc.sql.appelants=<start of the statement>): who asks for the same row again.
                String pile = StackWalker.getInstance().walk(f -> f.map(c -> c.getClassName().replaceAll("\\$\\$.*", "") + "." + c.getMethodName())
                        .filter(c -> c.startsWith("fr.gouv.fabriques.") && !c.startsWith("fr.gouv.fabriques.banc.")
                                && !c.contains("Plugin$") && !c.contains("ErreursRestMoteur"))
                        .limit(4).collect(java.util.stream.Collectors.joining(" < ")));
                APPELANTS.computeIfAbsent(pile, c -> new AtomicLong()).incrementAndGet();
            }
        }

        /** A thread outside HTTP requests, as counted (threads of the same pool under their prefix: camundaTaskExecutor for the jobs). */
        private static String fil() {
            return Thread.currentThread().getName().replaceAll("-?\\d+$", "");
        }

        private static void compter(long allersRetours, long ordres) {
            String fil = REQUETE.get() != null ? REQUETE.get() : fil();
            ALLERS_RETOURS.computeIfAbsent(fil, f -> {
                ORDRES.putIfAbsent(f, new AtomicLong());
                return new AtomicLong();
            }).addAndGet(allersRetours);
            ORDRES.computeIfAbsent(fil, f -> new AtomicLong()).addAndGet(ordres);
        }
    }
}
