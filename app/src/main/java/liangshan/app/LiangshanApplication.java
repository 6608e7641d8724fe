package liangshan.app;

import liangshan.app.platform.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Liangshan platform. {@code java -jar liangshan.jar [--demo] [--server.port=N]} serves the web UI and
 * API; {@code java -jar liangshan.jar <command> …} runs one CLI command (see {@code --help}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LiangshanApplication {

    public static void main(String[] args) {
        int exitCode = Launcher.launch(LiangshanApplication.class, args);
        if (exitCode != Launcher.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
