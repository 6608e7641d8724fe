package liangshan.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails the build when a module reaches into another module's {@code internal} package or when
 * modules depend on each other in a cycle, and writes the module diagram (PlantUML/C4) to
 * {@code app/target/spring-modulith-docs} (copied to {@code docs/modules/} by the lead).
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LiangshanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
