package liangshan.gep.params;

import java.util.List;
import java.util.stream.Collectors;

/** A parameter-set file failed validation; carries every problem found. */
public final class InvalidParameterSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterProblem> problems;

    public InvalidParameterSetException(String setName, List<ParameterProblem> problems) {
        super("parameter set '" + setName + "' is invalid:\n"
                + problems.stream().map(ParameterProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<ParameterProblem> problems() {
        return problems;
    }
}
