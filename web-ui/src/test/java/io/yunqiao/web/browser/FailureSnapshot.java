package io.yunqiao.web.browser;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what the browser showed when a browser test failed ({@code target/screenshots/failed-<Class>-<method>.png}
 * and {@code .html}): a failing step in a headless browser is otherwise hard to picture. Runs right after the test
 * method, before {@code @AfterEach} closes the page.
 */
class FailureSnapshot implements AfterTestExecutionCallback {

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()
                || !(context.getTestInstance().orElse(null) instanceof BrowserIT test)) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        test.saveFailure(name);
    }
}
