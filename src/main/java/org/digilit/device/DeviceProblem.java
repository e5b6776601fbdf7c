package org.digilit.device;

/**
 * A refused device action with the reason as a translation key suffix ({@code device.problem.<code>}); nothing was
 * changed. Never carries personal data.
 */
public class DeviceProblem extends RuntimeException {

    private final String code;

    public DeviceProblem(String code) {
        super("Device action refused: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
