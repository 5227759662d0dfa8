package io.yunqiao.web.solutions;

import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the solution editor changes — create, update, restore a version, run — refused on the server to anyone but
 * an administrator, whatever the browser sends: the editor is open to viewers and operators read-only, and hiding
 * its buttons must not be the only guard.
 */
@Component
class SolutionWrites {

    private final Solutions solutions;
    private final SyncEngine engine;
    private final CurrentUser user;

    SolutionWrites(Solutions solutions, SyncEngine engine, CurrentUser user) {
        this.solutions = solutions;
        this.engine = engine;
        this.user = user;
    }

    SolutionView create(SolutionSpec spec, String note) {
        requireAdmin();
        return solutions.create(spec, note);
    }

    SolutionView update(long id, SolutionSpec spec, String note) {
        requireAdmin();
        return solutions.update(id, spec, note);
    }

    SolutionView restore(long id, int version) {
        requireAdmin();
        return solutions.restore(id, version);
    }

    Run start(long id, DryRunSource dry) {
        requireAdmin();
        return engine.start(id, RunTrigger.MANUAL, dry);
    }

    private void requireAdmin() {
        if (!user.mayEdit()) {
            throw new AccessDeniedException("only an administrator may change or run a solution from its editor");
        }
    }
}
