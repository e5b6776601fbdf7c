package org.digilit.base;

import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;

/**
 * The public forms' guard against form-filling bots (/register, /donate): a hidden field people never fill, and a
 * minimum time between opening the form and sending it. One rule for every public form; a service that finds a
 * suspected bot answers as if it had succeeded and keeps nothing. Rate limits per address come on top
 * ({@code account.RateLimiter}).
 */
public final class BotGuard {

    /** The least time a person takes to fill a public form. */
    public static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);

    private BotGuard() {}

    /** Whether a sent form looks like a bot's: the hidden field filled, or sent faster than a person could. */
    public static boolean suspected(Duration formAge, String trap) {
        return !trap.isEmpty() || formAge.compareTo(MIN_FILL_TIME) < 0;
    }

    /** The hidden field: invisible (class {@code trap} in the theme) and out of the tab order; people never fill it. */
    public static TextField trapField() {
        var trap = new TextField();
        trap.setLabel("Website");
        trap.addClassName("trap");
        trap.getElement().setAttribute("aria-hidden", "true");
        trap.getElement().setAttribute("tabindex", "-1");
        trap.getElement().setAttribute("autocomplete", "off");
        return trap;
    }
}
