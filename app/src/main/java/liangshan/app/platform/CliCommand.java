package liangshan.app.platform;

import java.util.concurrent.Callable;

/**
 * A command of the {@code liangshan} command line. Implementations are Spring beans annotated with
 * picocli's {@code @Command(name = …)}; the launcher finds them by name and runs them in a
 * non-web application context (so they share configuration, database and audit with the server).
 * Subcommands are {@code @Command}-annotated methods of the bean.
 */
public interface CliCommand extends Callable<Integer> {

    /** Runs the command when it is called without a subcommand; the default prints usage. */
    @Override
    default Integer call() {
        picocli.CommandLine.usage(this, System.out);
        return 2;
    }
}
