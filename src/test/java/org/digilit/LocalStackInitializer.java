package org.digilit;

import org.digilit.localstack.LocalStack;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at the shared local stack of real servers (started on first use), and at the
 * port the realm's redirect URI names.
 */
public class LocalStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var appPort = LocalStack.testAppPort();
        var stack = LocalStack.shared(LocalStack.Mode.TEST, appPort);
        var properties = new java.util.LinkedHashMap<>(stack.springProperties());
        properties.put("server.port", appPort);
        var source = new MapPropertySource("localStack", properties);
        var sources = context.getEnvironment().getPropertySources();
        // A test's own @SpringBootTest(properties = ...) still wins over the stack's values.
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, source);
        } else {
            sources.addFirst(source);
        }
        // The demo users' roles are granted by the platform (reconciliation lists ungranted privileged roles, DD008).
        context.addApplicationListener((org.springframework.context.ApplicationListener<
                        org.springframework.boot.context.event.ApplicationReadyEvent>)
                event -> org.digilit.localstack.DemoUsers.recordGrants(event.getApplicationContext()));
    }
}
