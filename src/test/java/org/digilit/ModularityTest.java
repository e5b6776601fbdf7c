package org.digilit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Repository;

/** The package-by-feature structure holds: no cycles, features meet only through their public root packages. */
class ModularityTest {

    private static final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void features_respect_each_others_boundaries() {
        modules.verify();
    }

    @Test
    void views_never_touch_repositories() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.digilit");
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .because("views call services, which carry transactions, scope checks and validation; the SQL lives in"
                        + " the features' stores (DD013)")
                .check(classes);
    }
}
