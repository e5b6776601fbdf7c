package org.digilit.device;

/** How a donor's devices reach the programme. */
public enum HandoverWay {
    /** The donor drops them at a chosen collection point. */
    DROP_OFF,
    /** Someone picks them up at an address in a commune. */
    PICK_UP,
    /** The donor gives them directly to an approved request. */
    DIRECT
}
