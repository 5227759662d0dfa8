package io.yunqiao.web.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Element;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Puts Spring's CSRF token into every page's head ({@code <meta name="_csrf">} and {@code _csrf_parameter}), where
 * Vaadin's login form looks for it when it posts natively to {@code /login}. Vaadin adds these tags itself only
 * when it renders the first screen on the server (eager server load), which this application does not.
 */
@Component
class CsrfMetaTags implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Object attribute = response.getVaadinRequest().getAttribute(CsrfToken.class.getName());
            Element head = response.getDocument().head();
            if (attribute instanceof CsrfToken token && head.select("meta[name=_csrf]").isEmpty()) {
                head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
                head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
                head.appendElement("meta").attr("name", "_csrf_header").attr("content", token.getHeaderName());
            }
        });
    }
}
