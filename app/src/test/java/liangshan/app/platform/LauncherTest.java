package liangshan.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherTest {

    @ParameterizedTest
    @CsvSource({
        "--liangshan.data-dir=/tmp/x, true",
        "--server.port=9000, true",
        "--spring.datasource.url=jdbc:postgresql://h/db, true",
        "--seed=3, false",
        "--out, false",
        "out.dir, false",
        "-v, false"
    })
    void propertiesWithADottedNameGoToSpringOthersToTheCommand(String arg, boolean spring) {
        assertThat(Launcher.isSpringProperty(arg)).isEqualTo(spring);
    }

    @org.junit.jupiter.api.Test
    void dataIsShortForTheDataDirectory() {
        assertThat(Launcher.withDataAlias(new String[] {"check", "--data", "/tmp/d", "--data=/x", "-v"}))
                .containsExactly("check", "--liangshan.data-dir=/tmp/d", "--liangshan.data-dir=/x", "-v");
    }
}
