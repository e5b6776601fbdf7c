package org.digilit.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.servlet.http.HttpServletResponse;

/** What a signed-in user sees when they open a page their roles do not allow: a refusal (403), not the page. */
class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    AccessDeniedView() {
        addClassName("page");
        addClassName("access-denied");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        var home = new Anchor("home", getTranslation("denied.home"));
        add(new H1(getTranslation("denied.title")), new Paragraph(getTranslation("denied.text")), home);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
