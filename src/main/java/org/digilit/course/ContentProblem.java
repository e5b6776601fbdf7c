package org.digilit.course;

/** Something wrong in a content file, said the way an author can find it: {@code file:line: what is wrong}. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
