package io.yunqiao.run;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims the records a page of this run staged, by their ids: the writer of a run takes the pages its fetcher hands
 * off without looking for them in the whole backlog. For grouped solutions, claims a group at a time: the pending
 * records that share a group key.
 */
@Component
class StagedClaims {

    private final EntityManager entities;
    private final Clock clock;
    private final Outcomes outcomes;

    StagedClaims(EntityManager entities, Clock clock, Outcomes outcomes) {
        this.entities = entities;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /**
     * Claims those of the given records that are still pending, for this node, in the order given. Another node
     * helping with the backlog may have claimed or written some already: those are left to it; rows another
     * transaction holds are skipped, not waited for ({@code FOR UPDATE SKIP LOCKED}, as for the whole backlog).
     */
    @Transactional
    public List<SourceRecord> claim(long runId, List<Long> ids, String instance) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SourceRecord> claimed = entities.createQuery("select r from SourceRecord r where r.id in :ids"
                + " and r.status = :pending", SourceRecord.class)
                .setParameter("ids", ids)
                .setParameter("pending", RecordStatus.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .getResultList();
        Instant now = clock.instant();
        outcomes.carried(runId, claimed);
        claimed.forEach(r -> r.claim(runId, instance, now));
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.putIfAbsent(ids.get(i), i);
        }
        return claimed.stream().sorted(Comparator.comparing(r -> order.get(r.getId()))).toList();
    }

    /**
     * Claims, for this node, the pending records of one group of a grouped solution, at most {@code maxLines}, oldest
     * first: the group of some pending record (rows other transactions hold are skipped, not waited for). A pending
     * record without a group key (staged before its solution grouped) is claimed alone, for the writer to find its
     * key.
     *
     * @return the records claimed, in staging order; empty when nothing is pending
     */
    @Transactional
    public List<SourceRecord> claimGroup(long solutionId, long runId, int maxLines, String instance) {
        List<SourceRecord> some = entities.createQuery("select r from SourceRecord r where r.solutionId = :solution"
                + " and r.status = :pending", SourceRecord.class)
                .setParameter("solution", solutionId)
                .setParameter("pending", RecordStatus.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .setMaxResults(1)
                .getResultList();
        if (some.isEmpty()) {
            return List.of();
        }
        SourceRecord one = some.get(0);
        List<SourceRecord> claimed = one.getGroupKey() == null ? List.of(one)
                : entities.createQuery("select r from SourceRecord r where r.solutionId = :solution"
                        + " and r.groupKey = :group and r.status = :pending order by r.id", SourceRecord.class)
                        .setParameter("solution", solutionId)
                        .setParameter("group", one.getGroupKey())
                        .setParameter("pending", RecordStatus.PENDING)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint("jakarta.persistence.lock.timeout", -2)
                        .setMaxResults(Math.max(1, maxLines))
                        .getResultList();
        Instant now = clock.instant();
        outcomes.carried(runId, claimed);
        claimed.forEach(r -> r.claim(runId, instance, now));
        return claimed;
    }

    /**
     * A claimed record without a group key gets the one the writer found for it and goes back to the queue, to be
     * claimed with its group.
     */
    @Transactional
    public void grouped(long id, String groupKey, long runId) {
        SourceRecord record = entities.find(SourceRecord.class, id);
        if (record != null && record.getStatus() == RecordStatus.PROCESSING) {
            record.groupKey(groupKey);
            record.moveTo(RecordStatus.PENDING, runId, clock.instant());
        }
    }
}
