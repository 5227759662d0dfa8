package io.yunqiao.web.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * A page that does not exist, or one the signed-in person may not open: in production Vaadin answers both the same
 * way, so nobody learns which screens exist beyond their role. Says so in the UI's language, inside the app frame.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class NoSuchPageView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("yq-page");
        setId("no-such-page");
        add(new H2(getTranslation("shell.noSuchPage.title")),
                new Paragraph(getTranslation("shell.noSuchPage.text", "/" + event.getLocation().getPath())),
                new Anchor("/", getTranslation("shell.noSuchPage.home")));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
