package org.digilit.shell.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.digilit.security.CurrentUser;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.Controller;

/**
 * The public front door (what the programme is, who it is for, how to start, the way to log in), rendered on the
 * server as plain HTML and CSS with no script (issue #21, DD015): it is the first page a citizen opens on a cheap phone,
 * and Vaadin's client (about 430 KiB) made that visit slow. Spring MVC answers {@code /} before Vaadin's router. A
 * signed-in user has no use for it and goes to their home.
 *
 * <p>Vaadin's client talks to its server at the same address with a {@code v-r} parameter ({@code GET /?v-r=init},
 * {@code POST /?v-r=uidl}, heartbeats, uploads): those requests go on to Vaadin's servlet through Vaadin's own
 * forwarding controller, exactly as they would without this mapping.
 */
@org.springframework.stereotype.Controller
class LandingController {

    /** The parameter that marks a request of Vaadin's client. */
    static final String VAADIN_REQUEST = "v-r";

    private final CurrentUser currentUser;
    private final Controller vaadin;

    LandingController(CurrentUser currentUser, @Qualifier("vaadinForwardingController") Controller vaadin) {
        this.currentUser = currentUser;
        this.vaadin = vaadin;
    }

    @GetMapping(path = "/", params = "!" + VAADIN_REQUEST)
    String landing() {
        var user = currentUser.get();
        if (user.isPresent()) {
            return "redirect:" + HomeRoutes.homePath(user.get());
        }
        return "landing";
    }

    @RequestMapping(path = "/", params = VAADIN_REQUEST)
    void vaadinRequest(HttpServletRequest request, HttpServletResponse response) throws Exception {
        vaadin.handleRequest(request, response);
    }
}
