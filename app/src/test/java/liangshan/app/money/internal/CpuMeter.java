package liangshan.app.money.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the benchmark's PostgreSQL server and by this JVM, from Linux {@code /proc}, so that the
 * money benchmark can say where the time of one transfer goes (the machine is shared: wall-clock rates vary
 * with the load of others, CPU per operation much less).
 *
 * @param serverSeconds the postmaster, its live backends and the backends that have exited
 * @param jvmSeconds this process (the service layer and the benchmark's client threads)
 * @param childSeconds exited child processes of this JVM (pgbench)
 */
public record CpuMeter(double serverSeconds, double jvmSeconds, double childSeconds) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /** Now, for the server whose postmaster has process id {@code postmaster}. */
    public static CpuMeter now(long postmaster) throws IOException {
        long[] server = stat(postmaster);
        long serverTicks = server[0] + server[1] + server[2] + server[3];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long[] s = stat(Long.parseLong(name));
                    if (s != null && s[4] == postmaster) {
                        serverTicks += s[0] + s[1];
                    }
                }
            }
        }
        long[] self = stat(ProcessHandle.current().pid());
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        return new CpuMeter(serverTicks / TICKS, jvm, (self[2] + self[3]) / TICKS);
    }

    public CpuMeter minus(CpuMeter earlier) {
        return new CpuMeter(
                serverSeconds - earlier.serverSeconds,
                jvmSeconds - earlier.jvmSeconds,
                childSeconds - earlier.childSeconds);
    }

    /** utime, stime, cutime, cstime, ppid of a process; null if it is gone. */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
        return new long[] {
            Long.parseLong(f[11]),
            Long.parseLong(f[12]),
            Long.parseLong(f[13]),
            Long.parseLong(f[14]),
            Long.parseLong(f[1])
        };
    }
}
