package io.yunqiao.web.templates;

import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.template.TemplateCopy;
import io.yunqiao.template.TemplateCopyRequest;
import io.yunqiao.template.TemplateImport;
import io.yunqiao.template.Templates;
import io.yunqiao.web.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the gallery changes — copy, import, delete, the dry run right after a copy — refused on the server to anyone
 * but an administrator, whatever the browser sends: the gallery is open to everyone signed in, and hiding its
 * buttons must not be the only guard.
 */
@Component
class TemplateWrites {

    private final Templates templates;
    private final SyncEngine engine;
    private final CurrentUser user;

    TemplateWrites(Templates templates, SyncEngine engine, CurrentUser user) {
        this.templates = templates;
        this.engine = engine;
        this.user = user;
    }

    TemplateCopy copy(String id, TemplateCopyRequest request) {
        requireAdmin();
        return templates.copy(id, null, request, user.name());
    }

    TemplateImport importFile(String text, String newId, boolean asNewVersion) {
        requireAdmin();
        return templates.importFile(text, newId, asNewVersion, user.name());
    }

    void delete(String id) {
        requireAdmin();
        templates.delete(id);
    }

    /** A dry run of the incremental window, as the editor's 试运行 starts it; the solution stays disabled. */
    Run dryRun(long solutionId) {
        requireAdmin();
        return engine.start(solutionId, RunTrigger.MANUAL, DryRunSource.WINDOW);
    }

    boolean allowed() {
        return user.mayEdit();
    }

    private void requireAdmin() {
        if (!user.mayEdit()) {
            throw new AccessDeniedException("only an administrator may copy, import or delete a template");
        }
    }
}
