package liangshan.app.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point shared by the server and the command line. With no arguments, {@code serve} or only
 * {@code --options} it starts the web server; otherwise the first argument names a {@link CliCommand}
 * bean, which runs in a non-web context. Arguments of the form {@code --a.b=v} (a property name with
 * a dot) are Spring properties, e.g. {@code --liangshan.data-dir=DIR}; all others go to the command.
 * A command's name may have two words ({@code @Command(name = "gep run")}), so that several modules
 * can contribute subcommands of one group; the two-word name wins over a one-word one. A command's
 * {@code --data DIR} is short for {@code --liangshan.data-dir=DIR}.
 */
public final class Launcher {

    /** Returned by {@link #launch} when the server was started and the JVM must keep running. */
    public static final int KEEP_RUNNING = -1;

    private Launcher() {}

    /** Starts the server or runs one command; returns an exit code or {@link #KEEP_RUNNING}. */
    public static int launch(Class<?> application, String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || args[0].equals("serve")) {
            String[] serverArgs =
                    args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
            SpringApplication.run(application, serverArgs);
            return KEEP_RUNNING;
        }
        return runCommand(application, args);
    }

    private static int runCommand(Class<?> application, String[] args) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : withDataAlias(Arrays.copyOfRange(args, 1, args.length))) {
            (isSpringProperty(arg) ? springArgs : commandArgs).add(arg);
        }
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new))) {
            Map<String, CliCommand> commands = commandsByName(context);
            String name = args[0];
            if (name.equals("help") || name.equals("--help")) {
                printCommands(commands);
                return 0;
            }
            String[] rest = commandArgs.toArray(String[]::new);
            if (!commandArgs.isEmpty() && commands.containsKey(name + " " + commandArgs.get(0))) {
                name = name + " " + commandArgs.get(0);
                rest = Arrays.copyOfRange(rest, 1, rest.length);
            }
            Optional<CliCommand> command = Optional.ofNullable(commands.get(name));
            if (command.isEmpty()) {
                System.err.println("未知命令 / unknown command: " + name);
                printCommands(commands);
                return 2;
            }
            return new CommandLine(command.get()).execute(rest);
        }
    }

    /** {@code --data DIR} and {@code --data=DIR} are short for {@code --liangshan.data-dir=DIR}. */
    static List<String> withDataAlias(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                out.add("--liangshan.data-dir=" + args[++i]);
            } else if (args[i].startsWith("--data=")) {
                out.add("--liangshan.data-dir=" + args[i].substring("--data=".length()));
            } else {
                out.add(args[i]);
            }
        }
        return out;
    }

    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        return name.contains(".");
    }

    private static Map<String, CliCommand> commandsByName(ConfigurableApplicationContext context) {
        Map<String, CliCommand> byName = new java.util.TreeMap<>();
        for (CliCommand bean : context.getBeansOfType(CliCommand.class).values()) {
            Command annotation = AopUtils.getTargetClass(bean).getAnnotation(Command.class);
            if (annotation == null) {
                throw new IllegalStateException(bean.getClass() + " implements CliCommand without @Command");
            }
            byName.put(annotation.name(), bean);
        }
        return byName;
    }

    private static void printCommands(Map<String, CliCommand> commands) {
        System.out.println(
                "用法 / usage: java -jar liangshan.jar [serve] [--demo] [--server.port=N] [--liangshan.data-dir=DIR]");
        System.out.println("              java -jar liangshan.jar <command> [options]   (命令 / commands:)");
        commands.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> {
                    String[] description = AopUtils.getTargetClass(e.getValue())
                            .getAnnotation(Command.class)
                            .description();
                    System.out.printf("  %-20s %s%n", e.getKey(), description.length > 0 ? description[0] : "");
                });
    }
}
