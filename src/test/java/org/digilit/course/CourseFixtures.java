package org.digilit.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small valid course written into a folder, which tests then break in one place at a time. */
final class CourseFixtures {

    private CourseFixtures() {}

    static Path validCourse(Path root, String id) throws IOException {
        var folder = root.resolve(id);
        write(folder.resolve("course.yaml"), """
                id: %s
                version: 1
                level: beginner
                audiences: [citizen]
                estimatedMinutes: 30
                passMark: 70
                tags: [smartphone]
                title:
                  vi: Làm quen với điện thoại
                  en: Getting to know your phone
                summary:
                  vi: Những bước đầu tiên.
                  en: The first steps.
                """.formatted(id));
        lesson(folder, "01-turn-on", "turn-on", 1, "Bật điện thoại", "Turning the phone on");
        lesson(folder, "02-screen", "screen", 2, "Màn hình cảm ứng", "The touch screen");
        write(folder.resolve("quiz.yaml"), """
                questions:
                  - id: q1
                    type: single
                    text: { vi: "Nút nguồn ở đâu?", en: "Where is the power button?" }
                    answers:
                      - id: a
                        correct: true
                        text: { vi: Bên cạnh máy, en: On the side }
                        explanation: { vi: Đúng vậy., en: That is right. }
                      - id: b
                        correct: false
                        text: { vi: Trên màn hình, en: On the screen }
                        explanation: { vi: Không phải., en: It is not. }
                """);
        return folder;
    }

    static void lesson(Path folder, String file, String id, int order, String titleVi, String titleEn)
            throws IOException {
        write(
                folder.resolve("lessons/" + file + ".vi.md"),
                "---\nid: " + id + "\ntitle: " + titleVi + "\norder: " + order + "\n---\nNội dung bài học.\n");
        write(
                folder.resolve("lessons/" + file + ".en.md"),
                "---\nid: " + id + "\ntitle: " + titleEn + "\norder: " + order + "\n---\nThe lesson's text.\n");
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
