package org.digilit.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.digilit.device.DeviceProblem;
import org.digilit.organisation.OutOfScopeException;

/** Runs an officer's action and turns a refusal into a clear message; a success into a short confirmation. */
final class Problems {

    private static final int SAVED_MILLIS = 1_500;

    private Problems() {}

    static boolean run(Component view, Runnable action, String doneKey) {
        try {
            action.run();
            done(view.getTranslation(doneKey));
            return true;
        } catch (DeviceProblem e) {
            show(view, message(view, e));
        } catch (OutOfScopeException e) {
            show(view, view.getTranslation("device.problem.out-of-scope"));
        }
        return false;
    }

    /** A refusal in the reader's language; a refused stage change names the stage the device is in. */
    static String message(Component view, DeviceProblem problem) {
        if (problem.code().startsWith("stage.")) {
            var stage = problem.code().split("\\.")[1];
            return view.getTranslation("device.problem.stage", view.getTranslation("device.stage." + stage));
        }
        return view.getTranslation("device.problem." + problem.code());
    }

    static void done(String message) {
        // Short: on a phone, "saved" after every step would otherwise pile up over the next step's buttons.
        var done = Notification.show(message, SAVED_MILLIS, Notification.Position.BOTTOM_START);
        done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        done.addClassName("device-done");
    }

    static void show(Component view, String message) {
        var error = Notification.show(message);
        error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        error.addClassName("device-error");
    }
}
