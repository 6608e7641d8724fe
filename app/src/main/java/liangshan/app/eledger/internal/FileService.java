package liangshan.app.eledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.platform.DataDirectory;
import liangshan.app.web.ApiException;
import liangshan.kernel.id.Ulid;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos and documents of resources. The bytes are content-addressed: stored once under
 * {@code <data-dir>/eledger/files/<sha256[0..2]>/<sha256>}, written to a temporary file first and
 * moved into place, so a reader never sees a half-written file. The type is decided by the file's
 * magic bytes (JPEG, PNG, WebP, PDF), never by its name or the client's content type. Every read
 * recomputes the SHA-256 and refuses (409, audited) bytes that no longer match.
 */
@Service
class FileService {

    /** Largest accepted upload, bytes. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final ResourceService resources;
    private final EledgerAccess access;
    private final DataDirectory dataDirectory;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    FileService(
            JdbcClient jdbc,
            ResourceService resources,
            EledgerAccess access,
            DataDirectory dataDirectory,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.access = access;
        this.dataDirectory = dataDirectory;
        this.audit = audit;
        this.clock = clock;
    }

    /** One stored file of a resource. */
    record FileView(
            String id,
            String resourceId,
            String villageCode,
            String kind,
            String title,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant uploadedAt,
            String uploadedBy) {}

    /** A file's metadata and its verified bytes. */
    record Content(FileView file, byte[] bytes) {}

    @Transactional
    FileView upload(Actor actor, String resourceId, String kind, String title, String fileName, InputStream in) {
        ResourceStore.Row resource = resources.readable(actor, resourceId);
        access.writableVillage(actor, resource.villageCode());
        if (!"photo".equals(kind) && !"document".equals(kind)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.file.bad-kind", String.valueOf(kind));
        }
        Stored stored = store(in);
        FileView view = new FileView(
                Ulid.next(clock, random).value(),
                resourceId,
                resource.villageCode(),
                kind,
                title == null ? "" : title.strip(),
                fileName == null || fileName.isBlank()
                        ? stored.sha256()
                        : Path.of(fileName).getFileName().toString(),
                stored.contentType(),
                stored.size(),
                stored.sha256(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                actor.username());
        jdbc.sql("""
                        insert into eledger_file (id, resource_id, village_code, kind, title, file_name, content_type,
                            size_bytes, sha256, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        view.id(),
                        view.resourceId(),
                        view.villageCode(),
                        view.kind(),
                        view.title(),
                        view.fileName(),
                        view.contentType(),
                        view.sizeBytes(),
                        view.sha256(),
                        view.uploadedBy(),
                        Timestamp.from(view.uploadedAt()))
                .update();
        audit.record("eledger.file.uploaded", "eledger_file", view.id(), view.villageCode(), null, view);
        return view;
    }

    List<FileView> list(Actor actor, String resourceId) {
        resources.readable(actor, resourceId);
        return jdbc.sql("select * from eledger_file where resource_id = ? and not retired order by uploaded_at, id")
                .param(resourceId)
                .query((rs, n) -> view(rs))
                .list();
    }

    /** The file's bytes after checking their SHA-256; 409 {@code eledger.file.corrupt} (audited) otherwise. */
    Content read(Actor actor, String id) {
        FileView f = readable(actor, id);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path(f.sha256()));
        } catch (IOException e) {
            bytes = null;
        }
        if (bytes == null || !hex(sha256().digest(bytes)).equals(f.sha256())) {
            audit.record("eledger.file.corrupt", "eledger_file", id, f.villageCode(), f, null);
            throw new ApiException(HttpStatus.CONFLICT, "eledger.file.corrupt", id);
        }
        return new Content(f, bytes);
    }

    @Transactional
    void retire(Actor actor, String id) {
        FileView f = readable(actor, id);
        access.writableVillage(actor, f.villageCode());
        jdbc.sql("update eledger_file set retired = true where id = ?")
                .param(id)
                .update();
        audit.record("eledger.file.retired", "eledger_file", id, f.villageCode(), f, null);
    }

    /** A current (not retired) file in the village, for a right's source document. */
    Optional<FileView> inVillage(String id, String village) {
        return find(id).filter(f -> f.villageCode().equals(village));
    }

    private FileView readable(Actor actor, String id) {
        return find(id).filter(f -> EledgerAccess.readsVillage(actor, f.villageCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.file.not-found", id));
    }

    private Optional<FileView> find(String id) {
        return jdbc.sql("select * from eledger_file where id = ? and not retired")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private record Stored(String sha256, String contentType, long size) {}

    /** Copies the stream to a temporary file (at most {@link #MAX_BYTES}), hashes it and moves it into place. */
    private Stored store(InputStream in) {
        Path dir = dataDirectory.resolve("eledger/files");
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest digest = sha256();
            byte[] head = new byte[16];
            int headLength = 0;
            long size = 0;
            try (InputStream src = new DigestInputStream(in, digest);
                    OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = src.read(buffer)) > 0; ) {
                    size += n;
                    if (size > MAX_BYTES) {
                        throw new ApiException(
                                HttpStatus.CONTENT_TOO_LARGE, "eledger.file.too-large", MAX_BYTES / (1024 * 1024));
                    }
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                    out.write(buffer, 0, n);
                }
            }
            String type = contentType(Arrays.copyOf(head, headLength));
            if (size == 0 || type == null) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "eledger.file.type");
            }
            String sha = hex(digest.digest());
            Path target = path(sha);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                move(tmp, target);
            }
            return new Stored(sha, type, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover .part file is harmless; the next upload uses another name
                }
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        } catch (FileAlreadyExistsException e) {
            // the same bytes were stored meanwhile by another upload
        }
    }

    Path path(String sha256) {
        return dataDirectory
                .dataDir()
                .resolve("eledger/files")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256);
    }

    /** JPEG, PNG, WebP or PDF by magic bytes; null for anything else. */
    static String contentType(byte[] h) {
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(h, 'R', 'I', 'F', 'F')
                && h.length >= 12
                && h[8] == 'W'
                && h[9] == 'E'
                && h[10] == 'B'
                && h[11] == 'P') {
            return "image/webp";
        }
        if (starts(h, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static FileView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FileView(
                rs.getString("id"),
                rs.getString("resource_id"),
                rs.getString("village_code"),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("uploaded_by"));
    }
}
