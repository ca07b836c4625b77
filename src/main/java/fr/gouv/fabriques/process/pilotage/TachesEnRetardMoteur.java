package fr.gouv.fabriques.process.pilotage;

import fr.gouv.fabriques.application.port.TachesEnRetard;
import fr.gouv.fabriques.process.commun.Variables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Overdue tasks read from the engine's runtime tables, in one query. The task API would need one query per candidate group
 * ({@code createTaskQuery().taskCandidateGroup(g).includeAssignedTasks().dueBefore(now)}: 108 groups with the référents') and
 * one more per task for its dossier; this gives the same tasks (active, due before now, offered to the group whether claimed
 * or not), which {@code PilotageIT} checks against the task API. The dossier is the task's local variable {@code numero}.
 */
@Component
class TachesEnRetardMoteur implements TachesEnRetard {

    private final JdbcClient jdbc;

    TachesEnRetardMoteur(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Tache> avant(Instant maintenant) {
        return jdbc.sql("""
                select l.group_id_ as groupe, t.name_ as nom, t.due_date_ as echeance,
                       (select v.text_ from act_ru_variable v where v.task_id_ = t.id_ and v.name_ = ? limit 1) as numero
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                 where t.due_date_ < ? and t.suspension_state_ = 1
                 order by t.due_date_, t.id_, l.group_id_
                """).param(Variables.NUMERO).param(Timestamp.from(maintenant))
                .query((rs, i) -> new Tache(rs.getString("groupe"), rs.getString("nom"), rs.getTimestamp("echeance").toInstant(),
                        rs.getString("numero")))
                .list();
    }
}
