package liangshan.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Rules of STYLE.md that Spring Modulith's verification does not cover. */
class ArchitectureRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("liangshan");

    @Test
    void computationModulesUseNoFrameworkAndNoJdbc() {
        noClasses()
                .that()
                .resideInAnyPackage("liangshan.kernel..", "liangshan.raster..", "liangshan.gep..", "liangshan.ledger..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
                .because("pure computation modules must not need a framework or a database (STYLE.md §1)")
                .check(CLASSES);
    }

    @Test
    void moneyIsNeverAFloatingPointNumber() {
        fields().that()
                .areDeclaredInClassesThat()
                .haveSimpleNameContaining("Money")
                .or()
                .areDeclaredInClassesThat()
                .resideInAnyPackage("liangshan.ledger..")
                .should()
                .notHaveRawType(double.class)
                .andShould()
                .notHaveRawType(float.class)
                .andShould()
                .notHaveRawType(Double.class)
                .andShould()
                .notHaveRawType(Float.class)
                .because("amounts are integer fen or fixed-scale BigDecimal (STYLE.md §3)")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void timeComesFromTheClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("domain code takes a java.time.Clock (STYLE.md §10)")
                .check(CLASSES);
    }

    @Test
    void repositoriesLiveInInternalPackages() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .or()
                .areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .should()
                .resideOutsideOfPackage("..internal..")
                .because("a module's tables are its own; other modules use its API (STYLE.md §11)")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
