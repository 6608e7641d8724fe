package liangshan.gep.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The font with Chinese glyphs that every PDF of the platform embeds (run reports and account
 * reports): the file named by the system property {@value #PROPERTY}, else the first installed of
 * {@link #CANDIDATES} (Debian {@code fonts-wqy-microhei} first). Embedding it makes a PDF render
 * anywhere; without one a PDF would have no Chinese glyphs, so callers refuse to write it.
 */
public final class CjkFont {

    /** System property naming a TTF/TTC/OTF font with CJK glyphs (TTC: first face is used). */
    public static final String PROPERTY = "liangshan.cjk-font";

    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private CjkFont() {}

    /** The font file to embed, if any. */
    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    /** The name OpenPDF's {@code BaseFont.createFont} takes for {@code file} (first face of a TTC). */
    public static String baseFontName(Path file) {
        String name = file.toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".ttc") ? name + ",0" : name;
    }
}
