package io.yunqiao.run;

import io.yunqiao.solution.SolutionDeleted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The zstd dictionaries staged content is compressed with, one per solution: trained once from the solution's first
 * {@value #SAMPLES_WANTED} staged records (until then its records are compressed without one), stored in the
 * database, and kept prepared in memory for the few solutions in use (at most {@value #CACHED}).
 */
@Component
class ContentDictionaries {

    private static final Logger LOG = LoggerFactory.getLogger(ContentDictionaries.class);

    /** Records a dictionary is trained from: more than this gains little (docs/operations.md). */
    static final int SAMPLES_WANTED = 100;
    /** zstd's default dictionary size: bills of 7 to 18 KB compress best with the largest. */
    static final int DICTIONARY_BYTES = 110 * 1024;
    /** Enough to train from even when there are fewer records (a few large ones); also what samples hold at most. */
    private static final int SAMPLE_BYTES_ENOUGH = 2 * 1024 * 1024;
    /** A record larger than this is no typical sample: left out of training. */
    private static final int SAMPLE_BYTES_AT_MOST = 256 * 1024;
    /** Prepared dictionaries kept (each holds native memory of several times its size). */
    static final int CACHED = 16;
    /** Solutions still collecting samples at once; the least recent starts again when more come. */
    private static final int SAMPLING_AT_MOST = 8;

    private final ContentDictionaryRepository repository;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<Long, CompressedText.Dictionary> byId = lru(CACHED);
    private final Map<Long, Long> currentOf = lru(256);
    private final Map<Long, List<byte[]>> sampling = lru(SAMPLING_AT_MOST);

    ContentDictionaries(ContentDictionaryRepository repository, PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * The dictionary to compress a page of a solution's records with: the solution's, or one trained now when the
     * records seen so far (this page included) are enough; {@code null} before that.
     *
     * @param page the page's records as they are stored (UTF-8 JSON)
     */
    CompressedText.Dictionary forStaging(long solutionId, List<byte[]> page) {
        Long known;
        synchronized (this) {
            known = currentOf.get(solutionId);
        }
        if (known != null) {
            return byId(known);
        }
        Optional<ContentDictionary> stored = repository.findFirstBySolutionIdOrderByIdDesc(solutionId);
        if (stored.isPresent()) {
            return remember(stored.get());
        }
        List<byte[]> samples;
        synchronized (this) {
            List<byte[]> seen = sampling.computeIfAbsent(solutionId, id -> new ArrayList<>());
            long bytes = seen.stream().mapToLong(sample -> sample.length).sum();
            for (byte[] record : page) {
                if (seen.size() >= SAMPLES_WANTED || bytes >= SAMPLE_BYTES_ENOUGH) {
                    break;
                }
                if (record.length <= SAMPLE_BYTES_AT_MOST) {
                    seen.add(record);
                    bytes += record.length;
                }
            }
            if (seen.size() < SAMPLES_WANTED && bytes < SAMPLE_BYTES_ENOUGH) {
                return null;
            }
            samples = List.copyOf(seen);
            sampling.remove(solutionId);
        }
        return train(solutionId, samples);
    }

    private CompressedText.Dictionary train(long solutionId, List<byte[]> samples) {
        long started = System.nanoTime();
        byte[] trained = CompressedText.train(samples, DICTIONARY_BYTES);
        if (trained == null) {
            LOG.info("solution {}: no compression dictionary could be trained from {} records; its records are"
                    + " compressed without one", solutionId, samples.size());
            return null;
        }
        try {
            // its own transaction: a page whose staging fails must not take with it a dictionary that records of
            // this node may already be compressed with
            ContentDictionary saved = ownTransaction.execute(status -> repository.save(
                    new ContentDictionary(solutionId, trained, samples.size(), clock.instant())));
            LOG.info("solution {}: compression dictionary {} trained from {} records ({} bytes, {} ms)", solutionId,
                    saved.getId(), samples.size(), trained.length, (System.nanoTime() - started) / 1_000_000);
            return remember(saved);
        } catch (RuntimeException e) {
            LOG.warn("solution {}: the trained compression dictionary could not be saved ({}); records are"
                    + " compressed without one", solutionId, e.toString());
            return null;
        }
    }

    private CompressedText.Dictionary remember(ContentDictionary stored) {
        CompressedText.Dictionary prepared = prepare(stored);
        synchronized (this) {
            currentOf.put(stored.getSolutionId(), stored.getId());
            byId.put(stored.getId(), prepared);
        }
        return prepared;
    }

    private static CompressedText.Dictionary prepare(ContentDictionary stored) {
        return CompressedText.Dictionary.of(stored.getId(), stored.getDictionary());
    }

    /** The dictionary stored content names. */
    CompressedText.Dictionary byId(long id) {
        synchronized (this) {
            CompressedText.Dictionary cached = byId.get(id);
            if (cached != null) {
                return cached;
            }
        }
        ContentDictionary stored = repository.findById(id).orElseThrow(() -> new CompressedText.Unreadable(
                "problem.engine.dictionaryUnreadable", null, String.valueOf(id), "it is not in the database"));
        CompressedText.Dictionary prepared = prepare(stored);
        synchronized (this) {
            byId.put(id, prepared);
        }
        return prepared;
    }

    /** A deleted solution's dictionaries go with its staged records, in the deleting transaction. */
    @EventListener
    public void on(SolutionDeleted deleted) {
        repository.deleteBySolution(deleted.solutionId());
        synchronized (this) {
            Long current = currentOf.remove(deleted.solutionId());
            if (current != null) {
                byId.remove(current);
            }
            sampling.remove(deleted.solutionId());
        }
    }
}
