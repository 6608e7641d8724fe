package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liangshan.app.platform.DataDirectory;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GEP input sets on this server: folders {@code <data-dir>/gep/inputs/<name>/} in the layout
 * {@code gep run} reads, each with an optional {@code inputs.json} ({@code {"year": 2025,
 * "illustrative": true, "descriptionZh": …, "descriptionEn": …}}). Names are restricted to {@code
 * [A-Za-z0-9._-]{1,64}} so a name can never leave the folder.
 */
@Component
public class GepInputSets {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One input set and its optional metadata. */
    public record InputSet(
            String name, Path dir, Integer year, boolean illustrative, String descriptionZh, String descriptionEn) {}

    private final DataDirectory dataDirectory;

    GepInputSets(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The folder holding the input sets (created when missing). */
    public Path root() {
        return dataDirectory.resolve("gep/inputs");
    }

    /** Every input set, by name. */
    public List<InputSet> list() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches())
                    .sorted()
                    .map(this::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root(), e);
        }
    }

    /** The named input set; 404 {@code gep.inputs.not-found} when there is none. */
    public InputSet get(String name) {
        if (name == null || !NAME.matcher(name).matches() || !Files.isDirectory(root().resolve(name))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.inputs.not-found", String.valueOf(name));
        }
        return load(name);
    }

    /** The input set to use for {@code year}: the last by name whose metadata names that year. */
    public Optional<InputSet> forYear(int year) {
        List<InputSet> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (Integer.valueOf(year).equals(all.get(i).year())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private InputSet load(String name) {
        Path dir = root().resolve(name);
        Path meta = dir.resolve("inputs.json");
        if (!Files.isRegularFile(meta)) {
            return new InputSet(name, dir, null, false, null, null);
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(meta));
            return new InputSet(
                    name,
                    dir,
                    n.hasNonNull("year") ? n.get("year").asInt() : null,
                    n.path("illustrative").asBoolean(false),
                    n.hasNonNull("descriptionZh") ? n.get("descriptionZh").asString() : null,
                    n.hasNonNull("descriptionEn") ? n.get("descriptionEn").asString() : null);
        } catch (IOException | RuntimeException e) {
            return new InputSet(name, dir, null, false, null, null);
        }
    }
}
