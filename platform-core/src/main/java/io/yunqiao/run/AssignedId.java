package io.yunqiao.run;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is given, not generated: new until it is stored or loaded, so that saving a new one is an insert
 * alone. Without this, a given id makes every save a merge, which first looks the row up (a select per row).
 */
@MappedSuperclass
abstract class AssignedId<I> implements Persistable<I> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void stored() {
        stored = true;
    }
}
