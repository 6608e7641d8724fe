package liangshan.gep.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, of bytes, streams and files (streamed, any size). */
public final class Sha256 {

    private static final int BUFFER_BYTES = 1 << 16;

    private Sha256() {}

    /** Digest of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Digest of everything remaining in {@code in}; the stream is read to its end, not closed. */
    public static String hex(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buffer = new byte[BUFFER_BYTES];
        int n;
        while ((n = in.read(buffer)) > 0) {
            md.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Digest of the file at {@code path}. */
    public static String hex(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }
}
