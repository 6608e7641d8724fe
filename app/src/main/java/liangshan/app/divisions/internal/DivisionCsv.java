package liangshan.app.divisions.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.VillageKind;

/**
 * The shipped division list {@code divisions/quzhou-divisions-2023.csv} (NBS 2023 statistical
 * division codes, cut-off 2023-06-30): header {@code code,name,level,parent_code}, UTF-8, no quoting.
 */
final class DivisionCsv {

    static final String RESOURCE = "/divisions/quzhou-divisions-2023.csv";

    private DivisionCsv() {}

    /** All divisions in file order (city, counties, towns, villages). */
    static List<Division> load() {
        try (InputStream in = DivisionCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!"code,name,level,parent_code".equals(header)) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            List<Division> divisions = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    divisions.add(parse(line));
                }
            }
            return divisions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Division parse(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4) {
            throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
        DivisionLevel level = DivisionLevel.ofKey(cells[2])
                .orElseThrow(() -> new IllegalStateException("bad level in " + RESOURCE + ": " + line));
        VillageKind kind = level == DivisionLevel.VILLAGE ? VillageKind.ofCode(cells[0]) : null;
        // The city's parent (province 33) is outside this data.
        return new Division(cells[0], cells[1], level, kind, level == DivisionLevel.CITY ? null : cells[3]);
    }
}
