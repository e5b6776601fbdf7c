package org.digilit;

import org.digilit.demo.DemoData;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.springframework.boot.SpringApplication;

/**
 * Runs the platform with the local stack of real servers, the demo users and the demo province: {@code ./mvnw spring-boot:test-run}. The
 * stack's data lives in {@code .local-stack/dev} and survives restarts; the app listens on http://localhost:8080.
 *
 * <p>The Indian demo (DD019): {@code DIGILIT_DEMO_REGION=IN ./mvnw spring-boot:test-run} (or the argument {@code
 * --digilit.demo.region=IN}); it keeps its data in {@code .local-stack/dev-in} and its people carry Aadhaar numbers.
 */
public class TestApplication {

    public static void main(String[] args) {
        for (var arg : args) {
            if (arg.startsWith("--" + DemoUsers.REGION_PROPERTY + "=")) {
                System.setProperty(DemoUsers.REGION_PROPERTY, arg.substring(arg.indexOf('=') + 1));
            }
        }
        var region = DemoUsers.india() ? "IN" : "VN";
        System.setProperty(DemoUsers.REGION_PROPERTY, region);
        if (region.equals("IN") && System.getProperty("digilit.identity.scheme") == null) {
            System.setProperty("digilit.identity.scheme", "AADHAAR");
        }
        var port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        var stack = LocalStack.shared(LocalStack.Mode.DEV, port);
        stack.springProperties().forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        SpringApplication.from(Application::main).with(DemoData.class).run(args);
    }
}
