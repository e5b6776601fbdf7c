package org.digilit.account.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.digilit.account.ActivationResult;
import org.digilit.account.ActivationService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public activation page (issue #21, DD015: plain HTML with no script, for the phone that scans a slip's QR code),
 * {@code /activate}: identity number, the code of an activation or reset slip, and a new password twice; the same page
 * takes a reset slip's code when a password was forgotten (DD007). The slip's link carries the code ({@code
 * /activate?code=…}): it is kept for the next page in the session and the browser is sent on to {@code /activate}, so
 * the code does not stay in the address bar, the history or a shared link. The form posts back here with Spring
 * Security's CSRF token; the passwords are checked before the service is asked (which counts attempts per network and
 * per number); every failure of number or code reads the same. Passwords are never put back into the page.
 */
@Controller
class ActivationController {

    static final String PATH = "/" + ActivationService.ACTIVATION_PATH;
    static final int PASSWORD_MIN_LENGTH = 10;
    /** Longer values are not a number, a code or a password anyone types; they are refused before any work. */
    static final int MAX_FIELD_LENGTH = 256;

    private final ActivationService activation;
    private final MessageSource messages;

    ActivationController(ActivationService activation, MessageSource messages) {
        this.activation = activation;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String form(
            @RequestParam(name = "code", required = false) @Nullable String code,
            Model model,
            RedirectAttributes redirect) {
        if (code != null) {
            redirect.addFlashAttribute("code", clip(code.strip()));
            return "redirect:" + PATH;
        }
        if (!model.containsAttribute("code")) {
            model.addAttribute("code", "");
        }
        model.addAttribute("identity", "");
        return "activate";
    }

    @PostMapping(PATH)
    String submit(
            @RequestParam(name = "identity", defaultValue = "") String identity,
            @RequestParam(name = "code", defaultValue = "") String code,
            @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "repeat", defaultValue = "") String repeat,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("identity", clip(identity));
        model.addAttribute("code", clip(code.strip()));
        if (identity.isBlank() || identity.length() > MAX_FIELD_LENGTH) {
            return invalid(model, "identity", "activation.identity.required");
        }
        if (code.isBlank() || code.length() > MAX_FIELD_LENGTH) {
            return invalid(model, "code", "activation.code.required");
        }
        if (password.length() < PASSWORD_MIN_LENGTH) {
            return invalid(model, "password", "activation.password.short");
        }
        if (password.length() > MAX_FIELD_LENGTH) {
            return invalid(model, "password", "activation.password.policy.invalidPasswordMaxLengthMessage");
        }
        if (!password.equals(repeat)) {
            return invalid(model, "repeat", "activation.repeat.different");
        }
        var result = activation.activate(identity, code.strip(), password, request.getRemoteAddr());
        if (result.status() == ActivationResult.Status.ACTIVATED
                || result.status() == ActivationResult.Status.PASSWORD_RESET) {
            model.addAttribute(
                    "doneKey",
                    result.status() == ActivationResult.Status.PASSWORD_RESET
                            ? "activation.reset-done"
                            : "activation.done");
            model.addAttribute("username", result.username());
            return "activate";
        }
        if (result.status() == ActivationResult.Status.PASSWORD_REJECTED) {
            var key = "activation.password.policy." + result.passwordProblem();
            var known = messages.getMessage(key, null, null, java.util.Locale.ROOT) != null;
            return invalid(model, "password", known ? key : "activation.password.policy");
        }
        model.addAttribute("resultKey", "activation.result." + result.status().name());
        return "activate";
    }

    /** The page again with one field marked and its problem named beside it. */
    private static String invalid(Model model, String field, String key) {
        model.addAttribute("invalid", field);
        model.addAttribute("problemKey", key);
        return "activate";
    }

    private static String clip(String value) {
        return value.length() > MAX_FIELD_LENGTH ? value.substring(0, MAX_FIELD_LENGTH) : value;
    }
}
