package io.yunqiao.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A zstd dictionary trained on a solution's first staged records. Never changed once saved: the staged records
 * compressed with it name it, and are read with it as long as they are kept.
 */
@Entity
@Table(name = "yq_content_dictionary")
class ContentDictionary {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "solution_id", nullable = false)
    private long solutionId;

    @Column(nullable = false)
    private byte[] dictionary;

    @Column(nullable = false)
    private int samples;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ContentDictionary() {
    }

    ContentDictionary(long solutionId, byte[] dictionary, int samples, Instant createdAt) {
        this.solutionId = solutionId;
        this.dictionary = dictionary.clone();
        this.samples = samples;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getSolutionId() {
        return solutionId;
    }

    byte[] getDictionary() {
        return dictionary.clone();
    }
}
