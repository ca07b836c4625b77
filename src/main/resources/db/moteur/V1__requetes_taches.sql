-- Indexes and planner statistics for the engine's task queries (Tasklist filters), issue 13.
-- Run by process/commun/SchemaMoteurPlugin once the engine has created or updated its own tables
-- (a migration of db/migration runs before the engine, on a database without ACT_ tables).
-- README, « Mesures » › « Requêtes de tâches à 100 000 tâches ouvertes », gives the EXPLAIN ANALYZE behind each line.

-- 1. Every authorization-checked query joins the authorizations with
--    AUTH.RESOURCE_ID_ IN (task id, process definition key, '*'), filtered on PERMS_ & <bit> = <bit>.
--    Without statistics on those expressions PostgreSQL guesses 0.5 % of the rows match each one,
--    estimates a handful of authorization rows, and picks a nested loop that rescans all of them
--    for every task: 4 million comparisons for 2,000 tasks (0.9 s), quadratic beyond. With the real
--    counts it probes the RESOURCE_ID_ index for each task instead (37 ms for the same 2,000 tasks).
--    The bits: READ (2) on tasks, READ_TASK (64) on process definitions, as Tasklist's queries test them;
--    TASK_WORK (16384 = 2^14) and UPDATE (4) for the task pages; READ_INSTANCE (512) on process definitions
--    and READ (2) on process instances for Cockpit.
create statistics if not exists fab_stat_autorisation_bit_2 on (perms_ & 2) from act_ru_authorization;
create statistics if not exists fab_stat_autorisation_bit_4 on (perms_ & 4) from act_ru_authorization;
create statistics if not exists fab_stat_autorisation_bit_64 on (perms_ & 64) from act_ru_authorization;
create statistics if not exists fab_stat_autorisation_bit_512 on (perms_ & 512) from act_ru_authorization;
create statistics if not exists fab_stat_autorisation_bit_16384 on (perms_ & 16384) from act_ru_authorization;

-- 2. Our shared filters sort by due date, then creation time (process/identite/DefinitionFiltre).
--    With this index PostgreSQL walks the tasks in that order and stops at the page's 15th visible
--    task, instead of sorting every matching task first: at 100,000 open tasks, 17 ms instead of 190 ms.
create index if not exists fab_idx_tache_echeance_creation on act_ru_task (due_date_, create_time_);

analyze act_ru_authorization;
analyze act_ru_task;
