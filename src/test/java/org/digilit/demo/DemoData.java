package org.digilit.demo;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.digilit.organisation.Audience;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.Quarter;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo run's data: the generated province (through the same import service an administrator uses), five working
 * groups that split the districts between them, with the demo working-group user in the first, and this quarter's
 * programme targets. Runs once: a database that already has organisations is left alone.
 */
@Configuration(proxyBeanMethods = false)
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The organisation the demo organisation admin administers: the first district. */
    public static final String DEMO_DISTRICT = "P01-D01";

    @Bean
    ApplicationRunner demoProvince(
            JdbcClient jdbc,
            OrganisationImportService imports,
            OrganisationService organisations,
            WorkingGroupService groups,
            TargetService targets) {
        return (ApplicationArguments arguments) -> {
            if (jdbc.sql("select count(*) from organisation")
                            .query(Integer.class)
                            .single()
                    > 0) {
                return;
            }
            TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
            try {
                var csv = new StringWriter();
                DemoProvince.writeCsv(DemoProvince.generate(2025, DemoProvince.NATURAL_SIZE), csv);
                var report = imports.apply(
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                        "demo-province.csv",
                        null);
                var districts = organisations
                        .children(organisations.tops().getFirst().id(), 0, 100)
                        .stream()
                        .filter(o -> o.code().matches("P01-D\\d+"))
                        .toList();
                for (int g = 0; g < 5; g++) {
                    var group = groups.create("WG" + (g + 1), "Tổ công tác số " + (g + 1), "Working group " + (g + 1));
                    for (int d = g; d < districts.size(); d += 5) {
                        groups.follow(group.id(), districts.get(d).id(), true);
                    }
                    if (g == 0) {
                        groups.addMember(group.id(), "workinggroup.demo");
                    }
                }
                var province = organisations.tops().getFirst().id();
                var quarter = Quarter.of(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
                targets.setOrganisationTarget(
                        province, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("90"));
                targets.setOrganisationTarget(
                        province, quarter, Metric.COURSE_COMPLETION, Audience.OFFICIAL, new BigDecimal("80"));
                targets.setOrganisationTarget(
                        province, quarter, Metric.COURSE_COMPLETION, Audience.TEACHER, new BigDecimal("80"));
                log.info(
                        "Demo province loaded: {} organisations, 5 working groups, targets for {}",
                        report.created(),
                        quarter);
            } finally {
                TestUsers.signOut();
            }
        };
    }
}
