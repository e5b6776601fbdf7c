package org.digilit.account;

import java.util.List;
import org.digilit.security.Roles.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reconciliation as a command: start the app with {@code --digilit.reconcile=report} (or {@code repair}); it
 * prints the drift between accounts and Keycloak users, queues repairs if asked, and exits (status 0 when clean or
 * repaired, 3 when drift was only reported).
 */
@Component
@Order(100)
class ReconciliationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationCommand.class);
    static final String OPTION = "digilit.reconcile";

    private final ReconciliationService reconciliation;
    private final ConfigurableApplicationContext context;

    ReconciliationCommand(ReconciliationService reconciliation, ConfigurableApplicationContext context) {
        this.reconciliation = reconciliation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        var values = arguments.getOptionValues(OPTION);
        if (values == null || values.isEmpty()) {
            return;
        }
        var mode = values.getFirst();
        if (!mode.equals("report") && !mode.equals("repair")) {
            log.error("--{} takes 'report' or 'repair', not '{}'", OPTION, mode);
            System.exit(SpringApplication.exit(context, () -> 2));
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "reconciliation-command",
                        null,
                        List.of(new SimpleGrantedAuthority(Role.PLATFORM_ADMIN.authority()))));
        int status;
        try {
            var report = reconciliation.reconcile(mode.equals("repair"), "reconciliation-command", null);
            System.out.println("RECONCILIATION " + report.summary());
            status = report.clean() || report.repaired() ? 0 : 3;
        } finally {
            SecurityContextHolder.clearContext();
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
