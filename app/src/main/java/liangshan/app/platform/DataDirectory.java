package liangshan.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's data directory ({@code --liangshan.data-dir=DIR}, default {@code ./data}): the embedded
 * database, uploaded documents and job outputs live below it, so a restart with the same directory
 * keeps everything.
 *
 * @param dataDir the root directory
 */
@ConfigurationProperties(prefix = "liangshan")
public record DataDirectory(Path dataDir) {

    public DataDirectory {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
    }

    /** Returns (and creates) a sub-directory of the data directory. */
    public Path resolve(String child) {
        Path dir = dataDir.resolve(child);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
