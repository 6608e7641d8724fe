import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the village page APIs of the e-ledger with N concurrent clients, each signed in with its own
 * session (real sign-in: CSRF cookie + X-XSRF-TOKEN header), closed loop, and prints p50/p95/p99 per
 * endpoint. Villages with data are found through the roll-ups (city → counties → towns → villages).
 *
 * <p>Usage: {@code java EledgerLoad.java BASE_URL USER PASSWORD [NEW_PASSWORD] [CLIENTS] [SECONDS] [WARMUP]}
 * — when NEW_PASSWORD is not "-", the one-time password is changed first (a fresh user must).
 */
public class EledgerLoad {

    static final String[] ENDPOINTS = {
        "resources", "resources.geojson", "rights (now)", "rights (as of 2020, recorded 2025-01-01)", "packages"
    };

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        String newPassword = args.length > 3 ? args[3] : "-";
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 15;
        if (!newPassword.equals("-")) {
            Session s = Session.signIn(base, user, password);
            int status = s.post("/api/v1/me/password",
                    "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + newPassword + "\"}");
            if (status != 204) {
                throw new IllegalStateException("password change answered " + status);
            }
            password = newPassword;
        }
        Session probe = Session.signIn(base, user, password);
        List<String> villages = villages(probe);
        System.out.printf(Locale.ROOT, "villages with e-ledger data: %d; clients: %d; warm-up %d s, measured %d s%n",
                villages.size(), clients, warmup, seconds);
        run(base, user, password, villages, clients, warmup, false);
        List<List<Long>> times = run(base, user, password, villages, clients, seconds, true);
        print(times, seconds);
    }

    /** Villages with resources, found top-down through the roll-ups. */
    static List<String> villages(Session s) throws Exception {
        List<String> level = List.of("3308");
        for (int depth = 0; depth < 3; depth++) {
            List<String> next = new ArrayList<>();
            for (String code : level) {
                String json = s.get("/api/v1/eledger/rollups/" + code);
                int children = json.indexOf("\"children\"");
                Matcher m = Pattern.compile("\"key\":\"(\\d+)\"[^}]*?\"count\":(\\d+)").matcher(json.substring(children));
                while (m.find()) {
                    if (Long.parseLong(m.group(2)) > 0) {
                        next.add(m.group(1));
                    }
                }
            }
            level = next;
        }
        return level;
    }

    static String path(int endpoint, String village) {
        String v = "/api/v1/eledger/villages/" + village;
        return switch (endpoint) {
            case 0 -> v + "/resources?page=0&size=50";
            case 1 -> v + "/resources.geojson";
            case 2 -> v + "/rights?page=0&size=50";
            case 3 -> v + "/rights?validAt=2020-06-01&recordedAt=2025-01-01&page=0&size=50";
            default -> v + "/packages";
        };
    }

    static List<List<Long>> run(String base, String user, String password, List<String> villages, int clients,
            int seconds, boolean keep) throws Exception {
        List<ConcurrentLinkedQueue<Long>> times = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS.length; i++) {
            times.add(new ConcurrentLinkedQueue<>());
        }
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                try {
                    Session s = Session.signIn(base, user, password);
                    Random rnd = new Random(id);
                    int i = id;
                    while (System.nanoTime() < end) {
                        int endpoint = i++ % ENDPOINTS.length;
                        String village = villages.get(rnd.nextInt(villages.size()));
                        long t0 = System.nanoTime();
                        int status = s.status(path(endpoint, village));
                        long micros = (System.nanoTime() - t0) / 1_000;
                        if (status != 200) {
                            errors.incrementAndGet();
                        } else if (keep) {
                            times.get(endpoint).add(micros);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        if (errors.get() > 0) {
            System.out.println("errors (non-200 or failed): " + errors.get());
        }
        List<List<Long>> out = new ArrayList<>();
        times.forEach(q -> out.add(new ArrayList<>(q)));
        return out;
    }

    static void print(List<List<Long>> times, int seconds) {
        System.out.printf(Locale.ROOT, "%-42s %8s %8s %8s %8s %8s %8s%n", "endpoint", "requests", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        for (int e = 0; e < ENDPOINTS.length; e++) {
            long[] t = times.get(e).stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(t);
            if (t.length == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-42s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n", ENDPOINTS[e], t.length,
                    t.length / (double) seconds, q(t, 0.50), q(t, 0.95), q(t, 0.99), t[t.length - 1] / 1000.0);
        }
    }

    /** Nearest-rank quantile in ms. */
    static double q(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
    }

    /** One signed-in session: its own cookie jar (session cookie + XSRF-TOKEN). */
    record Session(String base, HttpClient http, CookieManager cookies) {

        static Session signIn(String base, String user, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                    .build();
            Session s = new Session(base, http, cookies);
            s.get("/api/v1/auth/csrf");
            int status = s.post("/api/v1/auth/login",
                    "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
            if (status != 200) {
                throw new IllegalStateException("sign-in answered " + status);
            }
            return s;
        }

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        int status(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        int post(String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", csrf())
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
