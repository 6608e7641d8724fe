package liangshan.raster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md §1–2: the raster engine is plain Java; GeoTIFF details stay in their package. */
class RasterArchitectureTest {

    static final JavaClasses RASTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("liangshan.raster");

    @Test
    void noFrameworkOrDatabase() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..")
                .check(RASTER);
    }

    @Test
    void onlyTheGeoTiffPackageTouchesTheTiffLibrary() {
        noClasses()
                .that()
                .resideOutsideOfPackage("liangshan.raster.geotiff..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("mil.nga..")
                .check(RASTER);
    }

    @Test
    void coreTypesDoNotDependOnAlgorithms() {
        noClasses()
                .that()
                .resideInAPackage("liangshan.raster")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("liangshan.raster.zonal..", "liangshan.raster.terrain..")
                .check(RASTER);
    }
}
