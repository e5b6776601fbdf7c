package org.digilit.shell.ui;

import org.digilit.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public front door (what the programme is, who it is for, how to start, the way to log in), rendered on the
 * server as plain HTML and CSS with no script (issue #21, DD015): it is the first page a citizen opens on a cheap phone,
 * and Vaadin's client (about 420 KiB) made that visit slow. Spring MVC answers {@code /} before Vaadin's router. A
 * signed-in user has no use for it and goes to their home.
 */
@Controller
class LandingController {

    private final CurrentUser currentUser;

    LandingController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/")
    String landing() {
        if (currentUser.get().isPresent()) {
            return "redirect:/home";
        }
        return "landing";
    }
}
