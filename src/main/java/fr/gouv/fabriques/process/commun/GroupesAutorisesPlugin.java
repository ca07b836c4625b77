package fr.gouv.fabriques.process.commun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Which of the agent's groups hold an authorization, asked of the index on the groups instead of the whole table
 * (issue 13, doc/adr/0024).
 * <p>
 * Before every authorization check, the engine keeps only those of the user's groups that hold at least one
 * authorization ({@link AuthorizationManager#filterAuthenticatedGroupIds}). It finds them by reading the distinct groups
 * of <em>every</em> authorization ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}), then intersecting. The
 * engine grants each candidate group of an open task its own authorization on that task: at 100,000 open tasks the table
 * holds 100,000 rows, and that read took 25 ms, several times in every request Tasklist sends. Here each of the user's
 * groups is looked up in the engine's index on {@code GROUP_ID_}, one row at most: the same groups, in a time that does
 * not grow with the open tasks.
 * <p>
 * Same answer, same moment: read once per command, like the engine's own, from the command's connection (rows the
 * command wrote but has not flushed are not seen by either).
 */
public class GroupesAutorisesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> fabriques = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // Custom session factories are registered after the engine's own: this one replaces the AuthorizationManager's.
        fabriques.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ParIndex();
            }
        });
        configuration.setCustomSessionFactories(fabriques);
    }

    /** The engine's manager, but for the groups that hold an authorization. */
    public static class ParIndex extends AuthorizationManager {

        /** The groups already looked up in this command (a manager lives as long as its command). */
        private List<String> groupesDemandes;
        private List<String> groupesAutorises;

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> groupes) {
            if (groupes == null || groupes.isEmpty()) {
                return Collections.emptyList();
            }
            List<String> distincts = new ArrayList<>(new LinkedHashSet<>(groupes));
            distincts.removeIf(g -> g == null);
            if (distincts.isEmpty()) {
                return Collections.emptyList();
            }
            if (!distincts.equals(groupesDemandes)) {
                groupesAutorises = lire(distincts);
                groupesDemandes = distincts;
            }
            return new ArrayList<>(groupesAutorises);
        }

        /** One statement: for each group, its first authorization row in the index, if any. */
        private static List<String> lire(List<String> groupes) {
            String sql = requete(Context.getProcessEngineConfiguration().getDatabaseTablePrefix(), groupes.size());
            Connection connexion = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement requete = connexion.prepareStatement(sql)) {
                for (int i = 0; i < groupes.size(); i++) {
                    requete.setString(i + 1, groupes.get(i));
                }
                List<String> autorises = new ArrayList<>();
                try (ResultSet lignes = requete.executeQuery()) {
                    while (lignes.next()) {
                        autorises.add(lignes.getString(1));
                    }
                }
                return autorises;
            } catch (SQLException e) {
                throw new ProcessEngineException("Lecture des groupes autorisés impossible", e);
            }
        }

        /** The statement for that many groups, one parameter each (public for the plan's test on PostgreSQL). */
        public static String requete(String prefixeTables, int groupes) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < groupes; i++) {
                sql.append(i == 0 ? "" : " union all ").append("select * from (select GROUP_ID_ from ").append(prefixeTables)
                        .append("ACT_RU_AUTHORIZATION where GROUP_ID_ = ? fetch first 1 rows only) g").append(i);
            }
            return sql.toString();
        }
    }
}
