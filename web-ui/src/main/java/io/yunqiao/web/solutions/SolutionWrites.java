package io.yunqiao.web.solutions;

import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplatePublication;
import io.yunqiao.template.Templates;
import io.yunqiao.web.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the solution editor changes — create, update, restore a version, run, publish as a template, adopt a
 * template's newer version — refused on the server to anyone but
 * an administrator, whatever the browser sends: the editor is open to viewers and operators read-only, and hiding
 * its buttons must not be the only guard.
 */
@Component
class SolutionWrites {

    private final Solutions solutions;
    private final SyncEngine engine;
    private final Templates templates;
    private final CurrentUser user;

    SolutionWrites(Solutions solutions, SyncEngine engine, Templates templates, CurrentUser user) {
        this.solutions = solutions;
        this.engine = engine;
        this.templates = templates;
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

    /** 发布为模板: a new template from the solution's saved version, published in the signed-in person's name. */
    SolutionTemplate publish(long id, TemplatePublication publication) {
        requireAdmin();
        return templates.publish(id, publication, user.name());
    }

    /** A new version of a template made here, from the solution's saved version. */
    SolutionTemplate republish(String templateId, long id, TemplatePublication publication) {
        requireAdmin();
        return templates.republish(templateId, id, publication, user.name());
    }

    /** 采用新版本: the solution follows its template's latest version, keeping its connections. */
    SolutionView adopt(long id) {
        requireAdmin();
        return templates.adopt(id);
    }

    private void requireAdmin() {
        if (!user.mayEdit()) {
            throw new AccessDeniedException("only an administrator may change or run a solution from its editor");
        }
    }
}
