package liangshan.app.ecoaccount.internal;

import java.io.PrintStream;
import java.util.List;
import liangshan.gep.cell.InputProblem;

/** How the {@code gep} commands list rejected inputs on stderr: code and input, then zh and en. */
final class CliProblems {

    private CliProblems() {}

    static void print(String heading, List<InputProblem> problems, PrintStream stderr) {
        stderr.println(heading);
        for (InputProblem p : problems) {
            stderr.println("  [" + p.code() + "] " + p.input());
            stderr.println("    " + p.messageZh());
            stderr.println("    " + p.messageEn());
        }
    }
}
