package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.Plugins;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plugins")
@Tag(name = "Plugins 插件", description = "The jars of the plugins folder: loaded, and skipped with the reason")
class PluginsApi {

    private final Plugins plugins;

    PluginsApi(Plugins plugins) {
        this.plugins = plugins;
    }

    /**
     * @param folder  the plugins folder read at start ({@code yunqiao.plugins.dir}), absolute
     * @param loaded  the jars loaded, with the connectors and auth schemes they brought
     * @param skipped the jars (or the folder) not loaded, each with the problem's code and its text
     */
    record PluginsView(String folder, List<Plugins.Jar> loaded, List<SkippedView> skipped) {
    }

    /**
     * @param file    the jar's file name, or the folder
     * @param code    {@code problem.plugins.*}
     * @param message what is wrong and how to fix it, in the request's language (Chinese by default)
     */
    record SkippedView(String file, String code, String message) {
    }

    @GetMapping
    @Operation(summary = "插件目录: the plugin jars loaded at start, and those skipped with why and how to fix it"
            + " (administrators only)")
    PluginsView list(HttpServletRequest request) {
        Locale locale = ProblemAnswers.locale(request);
        return new PluginsView(plugins.folder() == null ? null : plugins.folder().toString(), plugins.loaded(),
                plugins.skipped().stream().map(s -> new SkippedView(s.file(), s.code(), s.message(locale))).toList());
    }
}
