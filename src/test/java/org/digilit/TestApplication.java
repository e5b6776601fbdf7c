package org.digilit;

import org.digilit.demo.DemoData;
import org.digilit.localstack.LocalStack;
import org.springframework.boot.SpringApplication;

/**
 * Runs the platform with the local stack of real servers, the demo users and the demo province: {@code ./mvnw spring-boot:test-run}. The
 * stack's data lives in {@code .local-stack/dev} and survives restarts; the app listens on http://localhost:8080.
 */
public class TestApplication {

    public static void main(String[] args) {
        var port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        var stack = LocalStack.shared(LocalStack.Mode.DEV, port);
        stack.springProperties().forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        SpringApplication.from(Application::main).with(DemoData.class).run(args);
    }
}
