package io.yunqiao.run;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What screens read about runs: filtered run lists, a run's record log page by page, and the dashboard's figures.
 * Read-only. Every query is plain JPQL or Criteria and binds no null parameter, so it runs the same on H2 and
 * PostgreSQL; aggregates are computed by the database, so the figures cost the same however many records a day
 * brings.
 */
@Service
@Transactional(readOnly = true)
public class RunHistory {

    /** What the dashboard counts: records written (SUCCESS) and records that FAILED. */
    private static final List<RecordStatus> COUNTED = List.of(RecordStatus.SUCCESS, RecordStatus.FAILED);

    private final RunRepository runs;
    private final RecordLogRepository logs;
    private final EntityManager entities;
    private final Clock clock;

    RunHistory(RunRepository runs, RecordLogRepository logs, EntityManager entities, Clock clock) {
        this.runs = runs;
        this.logs = logs;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Which runs a list shows; a criterion that is {@code null} does not filter.
     *
     * @param from runs that started at or after this instant
     * @param to runs that started before this instant
     */
    public record Filter(Long solutionId, RunStatus status, Instant from, Instant to) {

        /** Every run. */
        public static Filter all() {
            return new Filter(null, null, null, null);
        }
    }

    /** Records written (log status SUCCESS) and failed in some period, dry runs left out. */
    public record Totals(long written, long failed) {
    }

    /** Records written and failed in the hour that begins at {@code start}, dry runs left out. */
    public record HourCount(Instant start, long written, long failed) {
    }

    /** The runs the filter lets through, newest first, at most {@code limit}. */
    public List<Run> runs(Filter filter, int limit) {
        Specification<Run> matching = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.solutionId() != null) {
                where.add(cb.equal(root.get("solutionId"), filter.solutionId()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.<Instant>get("startedAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.<Instant>get("startedAt"), filter.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort newestFirst = Sort.by(Sort.Direction.DESC, "startedAt").and(Sort.by(Sort.Direction.DESC, "id"));
        return runs.findBy(matching, query -> query.sortBy(newestFirst).limit(Math.max(1, limit)).all());
    }

    /** The runs of a solution, newest first, at most {@code limit}. */
    public List<Run> runsOf(long solutionId, int limit) {
        return new ArrayList<>(runs.findBySolutionIdOrderByStartedAtDesc(solutionId,
                org.springframework.data.domain.PageRequest.of(0, limit)));
    }

    public Optional<Run> run(long runId) {
        return runs.findById(runId);
    }

    /** Runs that are RUNNING now, the longest-running first. */
    public List<Run> running() {
        return runs.findByStatusOrderByStartedAtAsc(RunStatus.RUNNING);
    }

    /**
     * The run that started last, per solution id, SKIPPED runs left out: a skipped run did nothing, and the run it
     * was skipped for says more. Solutions that never ran are absent.
     */
    public Map<Long, Run> lastRunPerSolution() {
        Map<Long, Run> last = new HashMap<>();
        for (Run run : runs.findLatestOfEachSolution()) {
            last.merge(run.getSolutionId(), run, (a, b) -> a.getId() > b.getId() ? a : b);
        }
        return last;
    }

    /**
     * Today's figures, the day as it is in {@code zone}: records written by today's runs (from the runs' counts, so a
     * solution that logs only a summary counts too), and today's failures that are still open (待处理): failed today
     * and not written since by a later run or a re-push.
     */
    public Totals today(ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        Long written = entities.createQuery("select sum(r.written) from Run r where r.dryRun = false"
                + " and r.startedAt >= :from and r.startedAt < :to", Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        Long failed = entities.createQuery("select count(r) from SourceRecord r where r.status = :failed"
                + " and r.updatedAt >= :from and r.updatedAt < :to", Long.class)
                .setParameter("failed", RecordStatus.FAILED).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return new Totals(written == null ? 0 : written, failed == null ? 0 : failed);
    }

    /**
     * Each solution's open failures (待处理失败): records that failed and were not written since by any later run
     * or re-push. Solutions without any are absent.
     */
    public Map<Long, Long> openFailures() {
        Map<Long, Long> open = new HashMap<>();
        entities.createQuery("select r.solutionId, count(r) from SourceRecord r where r.status = :failed"
                + " group by r.solutionId", Object[].class).setParameter("failed", RecordStatus.FAILED)
                .getResultList().forEach(row -> open.put((Long) row[0], ((Number) row[1]).longValue()));
        return open;
    }

    /** A solution's open failures ({@link #openFailures()}). */
    public long openFailures(long solutionId) {
        return entities.createQuery("select count(r) from SourceRecord r where r.solutionId = :solution"
                + " and r.status = :failed", Long.class).setParameter("solution", solutionId)
                .setParameter("failed", RecordStatus.FAILED).getSingleResult();
    }

    /**
     * Where a logged record stands now, for the logs of a run: its current status and the run that last handled it,
     * so a failure that a later run or a re-push wrote is shown as such where it failed (已重推 → that run).
     */
    public record Now(RecordStatus status, Long lastRunId) {
    }

    /** {@link Now} of each of these staged records that still exists. */
    public Map<Long, Now> now(java.util.Collection<Long> sourceRecordIds) {
        Map<Long, Now> now = new HashMap<>();
        if (sourceRecordIds.isEmpty()) {
            return now;
        }
        entities.createQuery("select r.id, r.status, r.lastRunId from SourceRecord r where r.id in :ids",
                Object[].class).setParameter("ids", sourceRecordIds).getResultList()
                .forEach(row -> now.put((Long) row[0], new Now((RecordStatus) row[1], (Long) row[2])));
        return now;
    }

    /**
     * Records written and failed per hour over the last {@code hours} hours of {@code zone}, the current hour last;
     * every hour is there, empty ones with zeros.
     */
    public List<HourCount> hourly(ZoneId zone, int hours) {
        if (hours < 1 || hours > 24 * 7) {
            throw new IllegalArgumentException("hours must be between 1 and 168, not " + hours);
        }
        Instant end = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
        List<Instant> bounds = new ArrayList<>();
        for (int i = hours; i >= 0; i--) {
            bounds.add(end.minus(Duration.ofHours(i)));
        }
        // One scan summing each hour in its own column: the database aggregates, portable CASE WHEN in JPQL.
        StringBuilder jpql = new StringBuilder("select l.status");
        for (int i = 0; i < hours; i++) {
            jpql.append(", sum(case when l.createdAt >= :b").append(i).append(" and l.createdAt < :b").append(i + 1)
                    .append(" then 1 else 0 end)");
        }
        jpql.append(" from RecordLog l where l.createdAt >= :b0 and l.createdAt < :b").append(hours)
                .append(" and l.status in :statuses and l.runId not in (select r.id from Run r where r.dryRun = true)")
                .append(" group by l.status");
        TypedQuery<Object[]> query = entities.createQuery(jpql.toString(), Object[].class);
        for (int i = 0; i <= hours; i++) {
            query.setParameter("b" + i, bounds.get(i));
        }
        query.setParameter("statuses", COUNTED);
        long[] written = new long[hours];
        long[] failed = new long[hours];
        for (Object[] row : query.getResultList()) {
            long[] target = row[0] == RecordStatus.SUCCESS ? written : failed;
            for (int i = 0; i < hours; i++) {
                target[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
            }
        }
        List<HourCount> counts = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            counts.add(new HourCount(bounds.get(i), written[i], failed[i]));
        }
        return counts;
    }

    /** How many logs of a run have each status; statuses without logs are absent. */
    public Map<RecordStatus, Long> recordCounts(long runId) {
        Map<RecordStatus, Long> counts = new EnumMap<>(RecordStatus.class);
        logs.countByStatusOfRun(runId).forEach(c -> counts.put(c.getStatus(), c.getTotal()));
        return counts;
    }

    /**
     * A slice of a run's record log in the order the records were handled.
     *
     * @param status only logs of this status, or {@code null} for all
     */
    public List<RecordLog> records(long runId, RecordStatus status, int offset, int limit) {
        TypedQuery<RecordLog> query = entities.createQuery("select l from RecordLog l where l.runId = :runId"
                + (status == null ? "" : " and l.status = :status") + " order by l.id", RecordLog.class)
                .setParameter("runId", runId);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    /** How many logs {@link #records} can page through. */
    public long countRecords(long runId, RecordStatus status) {
        return status == null ? logs.countByRunId(runId) : logs.countByRunIdAndStatus(runId, status);
    }

    public Optional<RecordLog> record(long logId) {
        return logs.findById(logId);
    }
}
